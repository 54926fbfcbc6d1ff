import ClusterLensCore
import ClusterLensImport
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensIndicators

@Suite("Formula evaluation")
struct FormulaEvaluationTests {
    static let locationQuotient =
        "(cluster(employment) / region(employment)) / (reference(employment) / referenceTotal(employment))"

    /// 40,000 of the region's 800,000 jobs are in the cluster; 2,400,000 of the reference area's 200,000,000.
    static let employment: [String: Double] = [
        "employment": 40_000, "region(employment)": 800_000, "reference(employment)": 2_400_000,
        "referenceTotal(employment)": 200_000_000,
    ]

    private func evaluate(_ text: String, in context: FormulaTestContext = FormulaTestContext()) throws -> FormulaValue
    {
        try Formula(parsing: text).evaluate(context)
    }

    // MARK: - Worked examples

    @Test("The location quotient of the worked example is 4.1667")
    func theLocationQuotientOfTheWorkedExample() throws {
        let value = try evaluate(Self.locationQuotient, in: FormulaTestContext(Self.employment))
        let number = try #require(value.number)
        #expect(abs(number - 4.1667) < 1e-4)
        #expect(abs(number - 0.05 / 0.012) < 1e-12)
        #expect(value.flags.isEmpty)
        #expect(value.missingReason == nil)
    }

    @Test("The compound annual growth rate from 100 to 121 over 2 periods is 10 %")
    func theGrowthRateFrom100To121Over2PeriodsIs10Percent() throws {
        let context = FormulaTestContext(["employment": 121, "employment@-2": 100])
        let number = try #require(try evaluate("cagr(cluster(employment), 2)", in: context).number)
        #expect(abs(number - 0.1) < 1e-12)
    }

    @Test(
        "Time functions read earlier periods",
        arguments: [
            ("lag(x, 1)", 110.0),
            ("lag(x, 3)", 90.0),
            ("lag(lag(x, 1), 2)", 90.0),
            ("change(x, 1)", 10.0),
            ("change(x, 3)", 30.0),
            ("change(lag(x, 1), 1)", 10.0),
            ("mean(x, 1)", 120.0),
            ("mean(x, 3)", 110.0),
            ("mean(x, 4)", 105.0),
            ("mean(lag(x, 1), 2)", 105.0),
            ("lag(region(x), 1)", 1_100.0),
            ("region(lag(x, 1))", 1_100.0),
            ("change(region(x), 2)", 200.0),
            ("lag(x, 1) / lag(region(x), 1)", 0.1),
        ] as [(String, Double)])
    func timeFunctionsReadEarlierPeriods(text: String, expected: Double) throws {
        let context = FormulaTestContext([
            "x": 120, "x@-1": 110, "x@-2": 100, "x@-3": 90,
            "region(x)": 1_200, "region(x)@-1": 1_100, "region(x)@-2": 1_000,
        ])
        let number = try #require(try evaluate(text, in: context).number)
        #expect(abs(number - expected) < 1e-9)
    }

    @Test("Each scope reads its own value")
    func eachScopeReadsItsOwnValue() throws {
        let context = FormulaTestContext([
            "x": 1, "region(x)": 2, "reference(x)": 4, "referenceTotal(x)": 8, "peers(x)": 16,
        ])
        let sum = "x + cluster(x) + region(x) + reference(x) + referenceTotal(x) + peers(x)"
        #expect(try evaluate(sum, in: context) == FormulaValue(32))
        #expect(try evaluate("peers(x / 4)", in: context) == FormulaValue(4))
    }

    // MARK: - Precedence

    @Test(
        "Operators follow precedence and associativity",
        arguments: [
            ("2^3^2", 512.0), ("-2^2", -4.0), ("(-2)^2", 4.0), ("2^-1", 0.5), ("-2^-2", -0.25), ("1 + 2 * 3", 7.0),
            ("(1 + 2) * 3", 9.0), ("10 - 4 - 3", 3.0), ("100 / 10 / 5", 2.0), ("2 * 3 ^ 2", 18.0), ("-3 * -3", 9.0),
            ("- - 3", 3.0), ("1 < 2", 1.0), ("2 <= 1", 0.0), ("2 > 1", 1.0), ("1 >= 1", 1.0), ("1 + 1 == 2", 1.0),
            ("3 != 3", 0.0), ("1 < 2 and 2 < 3", 1.0), ("0 or 0", 0.0), ("2 or 0", 1.0), ("3 and 4", 1.0),
            ("not 0", 1.0), ("not 5", 0.0), ("not 1 + 1 == 2", 0.0), ("1 or 0 and 0", 1.0), ("(1 or 0) and 0", 0.0),
            ("min(3, 1, 2)", 1.0), ("max(3, 1, 2)", 3.0), ("min(-1, 1)", -1.0), ("abs(-4)", 4.0), ("abs(4)", 4.0),
            ("sqrt(16)", 4.0), ("log(1)", 0.0), ("1.5e3", 1_500.0), (".5 * 4", 2.0), ("if(1 > 2, 10, 20)", 20.0),
            ("if(2, 10, 20)", 10.0), ("coalesce(5, 6)", 5.0), ("0^0", 1.0), ("(-8)^(1/1)", -8.0), ("(-2)^3", -8.0),
        ] as [(String, Double)])
    func operatorsFollowPrecedenceAndAssociativity(text: String, expected: Double) throws {
        let value = try evaluate(text)
        #expect(value.number == expected)
        #expect(value.flags.isEmpty)
    }

    @Test("The natural logarithm of e is 1")
    func theNaturalLogarithmOfEIs1() throws {
        let number = try #require(try evaluate("log(2.718281828459045)").number)
        #expect(abs(number - 1) < 1e-15)
    }

    // MARK: - Missing values

    @Test("A missing input gives a missing result that names the input and scope")
    func aMissingInputNamesTheInputAndScope() throws {
        var numbers = Self.employment
        numbers["region(employment)"] = nil
        let context = FormulaTestContext(numbers, missing: ["region(employment)": "no observation for 2021"])
        let value = try evaluate(Self.locationQuotient, in: context)
        #expect(value.number == nil)
        #expect(value.isMissing)
        #expect(value.missingReason == "region(employment) is missing: no observation for 2021")
    }

    @Test("A missing earlier period names the offset")
    func aMissingEarlierPeriodNamesTheOffset() throws {
        let context = FormulaTestContext(["employment": 121])
        let value = try evaluate("cagr(employment, 2)", in: context)
        #expect(value == .missing("cluster(employment) at t-2 is missing: no observation"))
    }

    @Test("The first missing reason, left to right, is kept")
    func theFirstMissingReasonIsKept() throws {
        let context = FormulaTestContext(
            ["c": 1], missing: ["a": "confidential", "b": "not published"])
        #expect(try evaluate("c + a * b", in: context).missingReason == "cluster(a) is missing: confidential")
        #expect(try evaluate("b - a", in: context).missingReason == "cluster(b) is missing: not published")
        #expect(try evaluate("-a", in: context).missingReason == "cluster(a) is missing: confidential")
        #expect(try evaluate("abs(region(c))", in: context).missingReason == "region(c) is missing: no observation")
    }

    @Test(
        "Every function that needs all its values is missing when one is",
        arguments: [
            "min(x, gap)", "max(gap, x)", "mean(x, 2)", "change(x, 1)", "cagr(x, 1)", "x < gap", "gap == gap",
            "not gap", "sqrt(gap)", "log(gap)", "abs(gap)", "gap ^ 2", "lag(x, 1)", "if(gap, 1, 2)", "gap and 0",
            "gap or 1",
        ])
    func everyFunctionThatNeedsAllItsValuesIsMissingWhenOneIs(text: String) throws {
        let context = FormulaTestContext(["x": 5], flags: ["gap": ["c"]], missing: ["gap": "confidential"])
        let value = try evaluate(text, in: context)
        #expect(value.isMissing)
        let reason = try #require(value.missingReason)
        #expect(reason.hasSuffix("is missing: confidential") || reason.hasSuffix("is missing: no observation"))
    }

    @Test("Missing is never zero")
    func missingIsNeverZero() throws {
        let context = FormulaTestContext(["x": 5], missing: ["gap": "no observation"])
        #expect(try evaluate("x + gap", in: context).isMissing)
        #expect(try evaluate("gap * 0", in: context).isMissing)
        #expect(try evaluate("coalesce(gap, 0)", in: context) == FormulaValue(0))
    }

    // MARK: - Flags

    @Test("Flags of the inputs flow into the result")
    func flagsOfTheInputsFlowIntoTheResult() throws {
        let context = FormulaTestContext(
            Self.employment, flags: ["employment": ["e"], "reference(employment)": ["p"]])
        let value = try evaluate(Self.locationQuotient, in: context)
        #expect(value.flags == ["e", "p"])
        #expect(value.number != nil)
    }

    @Test("A missing result keeps the flags of every input it read")
    func aMissingResultKeepsEveryFlag() throws {
        let context = FormulaTestContext(
            ["a": 1], flags: ["a": ["e"], "b": ["c"]], missing: ["b": "confidential"])
        let value = try evaluate("a / b", in: context)
        #expect(value == .missing("cluster(b) is missing: confidential", flags: ["e", "c"]))
    }

    @Test("Time functions carry the flags of every period they read")
    func timeFunctionsCarryTheFlagsOfEveryPeriod() throws {
        let context = FormulaTestContext(
            ["x": 3, "x@-1": 2, "x@-2": 1], flags: ["x@-1": ["p"], "x@-2": ["b"]])
        #expect(try evaluate("mean(x, 3)", in: context) == FormulaValue(2, flags: ["p", "b"]))
        #expect(try evaluate("change(x, 1)", in: context) == FormulaValue(1, flags: ["p"]))
        #expect(try evaluate("x", in: context).flags.isEmpty)
    }

    @Test("Division by zero is missing with a flag")
    func divisionByZeroIsMissingWithAFlag() throws {
        let context = FormulaTestContext(["a": 5, "zero": 0], flags: ["a": ["e"]])
        let value = try evaluate("a / zero", in: context)
        #expect(value.number == nil)
        #expect(value.missingReason == "division by zero")
        #expect(value.flags == [FormulaValue.divisionByZeroFlag, "e"])
        #expect(try evaluate("1 + a / (zero * 2)", in: context).flags.contains("division_by_zero"))
        #expect(try evaluate("0 / 0").missingReason == "division by zero")
        #expect(try evaluate("0 ^ -1") == .missing("division by zero", flags: ["division_by_zero"]))
    }

    @Test(
        "Results that are not real numbers are missing with a reason",
        arguments: [
            ("log(0)", "the logarithm of zero is not a number"),
            ("log(-3)", "the logarithm of a negative number (-3) is not a number"),
            ("sqrt(-4)", "the square root of a negative number (-4) is not a real number"),
            ("(-8)^(1/3)", "-8 ^ 0.3333333333333333 is not a real number (a negative number to a fractional power)"),
            ("1e308 * 10", "the result of '*' is out of range"),
            ("-1e308 - 1e308", "the result of '-' is out of range"),
            ("10 ^ 400", "the result of '^' is out of range"),
            ("cagr(0 * 1, 2)", "no growth rate over 2 periods: the start value is 0"),
        ] as [(String, String)])
    func resultsThatAreNotRealNumbersAreMissing(text: String, reason: String) throws {
        let value = try evaluate(text)
        #expect(value.isMissing)
        #expect(value.missingReason == reason)
    }

    @Test("A growth rate needs a positive start and an end that is not negative")
    func aGrowthRateNeedsAPositiveStart() throws {
        let fromZero = try evaluate("cagr(x, 1)", in: FormulaTestContext(["x": 5, "x@-1": 0]))
        #expect(fromZero == .missing("no growth rate over 1 period: the start value is 0", flags: ["division_by_zero"]))
        let fromNegative = try evaluate("cagr(x, 3)", in: FormulaTestContext(["x": 5, "x@-3": -2]))
        #expect(fromNegative == .missing("no growth rate over 3 periods: the start value is negative (-2)"))
        let toNegative = try evaluate("cagr(x, 3)", in: FormulaTestContext(["x": -5, "x@-3": 2]))
        #expect(toNegative == .missing("no growth rate over 3 periods: the end value is negative (-5)"))
        let toZero = try evaluate("cagr(x, 3)", in: FormulaTestContext(["x": 0, "x@-3": 2]))
        #expect(toZero == FormulaValue(-1))
    }

    // MARK: - Lazy forms

    @Test("Coalesce gives the first present value with its own flags")
    func coalesceGivesTheFirstPresentValue() throws {
        let context = FormulaTestContext(
            ["b": 7, "c": 9], flags: ["a": ["c"], "b": ["e"], "c": ["p"]], missing: ["a": "confidential"])
        #expect(try evaluate("coalesce(a, b, c)", in: context) == FormulaValue(7, flags: ["e"]))
        #expect(try evaluate("coalesce(c, b)", in: context) == FormulaValue(9, flags: ["p"]))
        #expect(try evaluate("coalesce(region(b), b)", in: context) == FormulaValue(7, flags: ["e"]))
        // Arguments after the first present one are not read: an unbound name does not throw.
        #expect(try evaluate("coalesce(b, unbound)", in: context) == FormulaValue(7, flags: ["e"]))
    }

    @Test("Coalesce of missing values only is missing with the first reason and every flag")
    func coalesceOfMissingValuesOnly() throws {
        let context = FormulaTestContext(
            flags: ["a": ["c"], "b": ["z"]], missing: ["a": "confidential", "b": "not applicable"])
        #expect(
            try evaluate("coalesce(a, b)", in: context)
                == .missing("cluster(a) is missing: confidential", flags: ["c", "z"]))
    }

    @Test("If evaluates only the branch it takes")
    func ifEvaluatesOnlyTheBranchItTakes() throws {
        let context = FormulaTestContext(
            ["share": 0.4, "a": 1], flags: ["share": ["p"]], missing: ["b": "no observation"])
        #expect(try evaluate("if(share > 0.5, b, a)", in: context) == FormulaValue(1, flags: ["p"]))
        #expect(try evaluate("if(share < 0.5, a, b)", in: context) == FormulaValue(1, flags: ["p"]))
        #expect(try evaluate("if(share < 0.5, a, unbound)", in: context).number == 1)
        #expect(try evaluate("if(share > 0.5, b, a)", in: context).missingReason == nil)
        #expect(try evaluate("if(share < 0.5, b, a)", in: context).isMissing)
    }

    @Test("If with a missing condition is missing")
    func ifWithAMissingConditionIsMissing() throws {
        let context = FormulaTestContext(["a": 1, "b": 2], missing: ["flag": "not published"])
        let value = try evaluate("if(flag, a, b)", in: context)
        #expect(value == .missing("cluster(flag) is missing: not published"))
    }

    @Test("And and or read the right side only when the left does not decide")
    func andAndOrAreLazy() throws {
        let context = FormulaTestContext(["one": 1, "zero": 0])
        #expect(try evaluate("zero and unbound", in: context) == FormulaValue(0))
        #expect(try evaluate("one or unbound", in: context) == FormulaValue(1))
        #expect(throws: IndicatorsError.self) { try evaluate("one and unbound", in: context) }
    }

    // MARK: - Context errors

    @Test("An error from the context is located at the input in the formula")
    func anErrorFromTheContextIsLocated() throws {
        let formula = try Formula(
            parsing: "1 +\n  lag(region(nosuch), 1)", file: "Indicators/x.yaml", line: 3, column: 10)
        let error = try #require(throws: IndicatorsError.self) { try formula.evaluate(FormulaTestContext()) }
        #expect(error.code == .formulaEvaluation)
        #expect(error.description == "Indicators/x.yaml:4:14: input 'nosuch' is not bound to a dataflow")
    }

    @Test("An error from the context that has a location keeps it")
    func anErrorFromTheContextKeepsItsLocation() throws {
        struct LocatedContext: FormulaContext {
            func value(of input: String, scope: FormulaScope, periodOffset: Int) throws(IndicatorsError)
                -> FormulaValue
            {
                throw IndicatorsError(
                    .indicatorDefinition, "bad binding", file: "Indicators/y.yaml", line: 7, column: 3)
            }
        }
        let formula = try Formula(parsing: "x", file: "Indicators/x.yaml")
        let error = try #require(throws: IndicatorsError.self) { try formula.evaluate(LocatedContext()) }
        #expect(error.description == "Indicators/y.yaml:7:3: bad binding")
    }

    @Test("The context is asked for each scope and period the formula reads")
    func theContextIsAskedForEachScopeAndPeriod() throws {
        final class RecordingContext: FormulaContext {
            var reads: [String] = []
            func value(of input: String, scope: FormulaScope, periodOffset: Int) throws(IndicatorsError)
                -> FormulaValue
            {
                reads.append(FormulaReference(input: input, scope: scope, periodOffset: periodOffset).description)
                return FormulaValue(1)
            }
        }
        let context = RecordingContext()
        let formula = try Formula(parsing: "cagr(cluster(employment), 5) + lag(peers(gva), 1)")
        _ = try formula.evaluate(context)
        #expect(context.reads == ["cluster(employment)", "cluster(employment) at t-5", "peers(gva) at t-1"])
        #expect(Set(context.reads) == Set(formula.references.map(\.description)))
    }

    @Test("A formula parsed once evaluates against many contexts")
    func aFormulaParsedOnceEvaluatesAgainstManyContexts() throws {
        let formula = try Formula(parsing: Self.locationQuotient)
        let doubled = Self.employment.merging(["employment": 80_000]) { _, new in new }
        let first = try #require(try formula.evaluate(FormulaTestContext(Self.employment)).number)
        let second = try #require(try formula.evaluate(FormulaTestContext(doubled)).number)
        #expect(abs(second - 2 * first) < 1e-12)
    }
}
