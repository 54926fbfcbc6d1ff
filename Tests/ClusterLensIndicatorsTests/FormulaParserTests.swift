import ClusterLensCore
import ClusterLensImport
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensIndicators

@Suite("Formula parser")
struct FormulaParserTests {
    // MARK: - Trees

    @Test(
        "Operators group by precedence and associativity",
        arguments: [
            ("2^3^2", "(2 ^ (3 ^ 2))"),
            ("-2^2", "(-(2 ^ 2))"),
            ("2^-x", "(2 ^ (-x))"),
            ("--x", "(-(-x))"),
            ("1 - 2 - 3", "((1 - 2) - 3)"),
            ("a / b * c", "((a / b) * c)"),
            ("a + b * c ^ d", "(a + (b * (c ^ d)))"),
            ("-a * b", "((-a) * b)"),
            ("a + b < c * d", "((a + b) < (c * d))"),
            ("not a < b and c or d", "(((not (a < b)) and c) or d)"),
            ("a or b and c", "(a or (b and c))"),
            ("not not a", "(not (not a))"),
            ("(a + b) * c", "((a + b) * c)"),
            ("(a >= 1) == 1", "((a >= 1) == 1)"),
        ] as [(String, String)])
    func operatorsGroupByPrecedenceAndAssociativity(text: String, tree: String) throws {
        let formula = try Formula(parsing: text)
        #expect(formula.root.description == tree)
    }

    @Test(
        "Comparisons after a parenthesis or in separate operands are allowed",
        arguments: ["(a < b) == 1", "if(a < b, 1, 0) < 2", "a < b and b <= c"])
    func comparisonsInSeparateOperandsAreAllowed(text: String) throws {
        // With a = 1, b = 2, c = 3 every one of them is true.
        let formula = try Formula(parsing: text)
        let value = try formula.evaluate(FormulaTestContext(["a": 1, "b": 2, "c": 3]))
        #expect(value.number == 1)
    }

    @Test(
        "Functions, scopes and time functions parse into calls",
        arguments: [
            ("lag(region(x), 1)", "lag(region(x), 1)"),
            ("region(lag(x, 1))", "region(lag(x, 1))"),
            ("cagr(cluster(employment), 5)", "cagr(cluster(employment), 5)"),
            ("mean(x, (3))", "mean(x, 3)"),
            ("change(x, 2.0)", "change(x, 2)"),
            ("lag(x, 1e1)", "lag(x, 10)"),
            ("if(a > 0, b, c)", "if((a > 0), b, c)"),
            ("coalesce(a, b, 0)", "coalesce(a, b, 0)"),
            ("min(a, b, c) + max(a, b)", "(min(a, b, c) + max(a, b))"),
            ("abs(log(x)) * sqrt(y)", "(abs(log(x)) * sqrt(y))"),
            ("peers(a / b)", "peers((a / b))"),
            ("referenceTotal(x)", "referenceTotal(x)"),
        ] as [(String, String)])
    func functionsParseIntoCalls(text: String, tree: String) throws {
        let formula = try Formula(parsing: text)
        #expect(formula.root.description == tree)
    }

    @Test(
        "Numbers read in decimal and exponent forms",
        arguments: [
            ("12", 12.0), ("0.5", 0.5), (".5", 0.5), ("1.5e3", 1500.0), ("1.5E-3", 0.0015), ("2e+2", 200.0),
        ] as [(String, Double)])
    func numbersReadInDecimalAndExponentForms(text: String, value: Double) throws {
        let formula = try Formula(parsing: text)
        #expect(formula.root.kind == .number(value))
    }

    @Test("Names that start with a keyword are plain inputs")
    func namesThatStartWithAKeywordArePlainInputs() throws {
        let formula = try Formula(parsing: "android + order_count - notes + _x1")
        #expect(formula.inputs == ["android", "order_count", "notes", "_x1"])
    }

    @Test("Line breaks, tabs and carriage returns are blanks")
    func lineBreaksAreBlanks() throws {
        let formula = try Formula(parsing: "\n\ta\r\n  +\rb\n")
        #expect(formula.root.description == "(a + b)")
    }

    // MARK: - Inputs and references

    @Test("The inputs of the location quotient are its one input name")
    func inputsOfTheLocationQuotient() throws {
        let formula = try Formula(
            parsing: "(cluster(employment) / region(employment)) / (reference(employment) / referenceTotal(employment))"
        )
        #expect(formula.inputs == ["employment"])
        #expect(
            formula.references == [
                FormulaReference(input: "employment", scope: .cluster, periodOffset: 0),
                FormulaReference(input: "employment", scope: .region, periodOffset: 0),
                FormulaReference(input: "employment", scope: .reference, periodOffset: 0),
                FormulaReference(input: "employment", scope: .referenceTotal, periodOffset: 0),
            ])
    }

    @Test("References follow scopes and add up period offsets")
    func referencesFollowScopesAndOffsets() throws {
        let formula = try Formula(
            parsing: "cagr(cluster(employment), 5) + lag(lag(region(gva), 1), 2) + mean(peers(x), 3)")
        #expect(formula.inputs == ["employment", "gva", "x"])
        #expect(
            Set(formula.references.map(\.description)) == [
                "cluster(employment)", "cluster(employment) at t-5", "region(gva) at t-3", "peers(x)",
                "peers(x) at t-1", "peers(x) at t-2",
            ])
    }

    @Test("Both branches of an if count as references")
    func bothBranchesOfAnIfCountAsReferences() throws {
        let formula = try Formula(parsing: "if(a > 0, b, region(c))")
        #expect(formula.inputs == ["a", "b", "c"])
    }

    @Test("A formula keeps its text")
    func aFormulaKeepsItsText() throws {
        let text = "a +\n  b"
        let formula = try Formula(parsing: text)
        #expect(formula.text == text)
        #expect(formula.description == text)
    }

    // MARK: - Errors

    @Test(
        "Every syntax error names the file, line and column of the offending token",
        arguments: [
            ("", "1:1: empty formula"),
            ("  \n\t ", "1:1: empty formula"),
            ("max(a, b", "1:9: expected ')' after the arguments of 'max', found end of formula"),
            ("max(a b)", "1:7: expected ')' after the arguments of 'max', found name 'b'"),
            (
                "foo(x)",
                "1:1: unknown function 'foo'; the functions are abs, cagr, change, cluster, coalesce, if, lag, log, "
                    + "max, mean, min, national, nationalTotal, peers, reference, referenceTotal, region, sqrt"
            ),
            (
                "1 + Log(x)",
                "1:5: unknown function 'Log'; the functions are abs, cagr, change, cluster, coalesce, "
                    + "if, lag, log, max, mean, min, national, nationalTotal, peers, reference, referenceTotal, region, sqrt"
            ),
            ("abs(1, 2)", "1:8: 'abs' takes 1 argument, as in abs(x); found 2"),
            ("if(a, b)", "1:8: 'if' takes 3 arguments, as in if(condition, value if true, value if false); found 2"),
            (
                "if(a, b, c, d)",
                "1:13: 'if' takes 3 arguments, as in if(condition, value if true, value if false); found 4"
            ),
            ("min(a)", "1:6: 'min' takes at least 2 arguments, as in min(a, b, …); found 1"),
            ("max()", "1:5: 'max' takes at least 2 arguments, as in max(a, b, …); found 0"),
            ("coalesce(a)", "1:11: 'coalesce' takes at least 2 arguments, as in coalesce(a, b, …); found 1"),
            ("lag(x)", "1:6: 'lag' takes 2 arguments, as in lag(x, n); found 1"),
            ("cluster(employment, 1)", "1:21: 'cluster' takes 1 argument, as in cluster(x); found 2"),
            ("region()", "1:8: 'region' takes 1 argument, as in region(x); found 0"),
            (
                "lag(x, 1.5)",
                "1:8: the number of periods of 'lag' must be a whole number from 1 to 10000, written as a number; "
                    + "found 1.5"
            ),
            (
                "mean(x, n)",
                "1:9: the number of periods of 'mean' must be a whole number from 1 to 10000, written as a number; "
                    + "found an expression"
            ),
            (
                "cagr(x, 0)",
                "1:9: the number of periods of 'cagr' must be a whole number from 1 to 10000, written as a number; "
                    + "found 0"
            ),
            (
                "change(x, -1)",
                "1:11: the number of periods of 'change' must be a whole number from 1 to 10000, written as a "
                    + "number; found an expression"
            ),
            (
                "lag(x, 1 + 1)",
                "1:8: the number of periods of 'lag' must be a whole number from 1 to 10000, written as a number; "
                    + "found an expression"
            ),
            (
                "lag(x, 20000)",
                "1:8: the number of periods of 'lag' must be a whole number from 1 to 10000, written as a number; "
                    + "found 20000"
            ),
            ("region(reference(x))", "1:8: 'reference(…)' cannot be used inside 'region(…)'; scopes do not nest"),
            ("cluster(1 + cluster(x))", "1:13: 'cluster(…)' cannot be used inside 'cluster(…)'; scopes do not nest"),
            ("peers(lag(region(x), 1))", "1:11: 'region(…)' cannot be used inside 'peers(…)'; scopes do not nest"),
            ("1 +", "1:4: expected a value after '+', found end of formula"),
            ("a and", "1:6: expected a value after 'and', found end of formula"),
            ("a + ()", "1:6: expected a value after '(', found ')'"),
            ("max(a,, b)", "1:7: expected a value after ',', found ','"),
            ("* 2", "1:1: expected a value, found '*'"),
            ("or", "1:1: expected a value, found 'or'"),
            ("(a + b", "1:7: expected ')' to match the '(' at 1:1, found end of formula"),
            ("((a + b) * c", "1:13: expected ')' to match the '(' at 1:1, found end of formula"),
            ("a + b)", "1:6: unexpected ')' without a matching '('"),
            ("a b", "1:3: expected an operator or the end of the formula, found name 'b'"),
            ("2x", "1:2: expected an operator or the end of the formula, found name 'x'"),
            ("a, b", "1:2: expected an operator or the end of the formula, found ','"),
            ("a $ b", "1:3: unexpected character '$'"),
            ("a\u{A0}+ 1", "1:2: unexpected character U+00A0"),
            ("a = b", "1:3: unexpected '='; write '==' to compare"),
            ("!a", "1:1: unexpected '!'; write 'not' to negate, '!=' to compare"),
            ("a && b", "1:3: unexpected '&'; write 'and'"),
            ("a || b", "1:3: unexpected '|'; write 'or'"),
            ("a ** 2", "1:3: unexpected '**'; write '^' for a power"),
            ("a < b < c", "1:7: comparisons do not chain; join them with 'and', as in a < b and b < c"),
            ("max + 1", "1:1: 'max' is a function; call it as max(a, b, …)"),
            ("2 * region", "1:5: 'region' is a function; call it as region(x)"),
            ("lag", "1:1: 'lag' is a function; call it as lag(x, n)"),
            ("1.e3", "1:3: expected a digit after the decimal point of '1.'"),
            ("2e", "1:3: expected digits in the exponent of '2e'"),
            ("2e+x", "1:4: expected digits in the exponent of '2e+'"),
            ("1e999", "1:1: number 1e999 is too large"),
        ] as [(String, String)])
    func everySyntaxErrorIsLocated(text: String, expected: String) throws {
        let error = try #require(throws: IndicatorsError.self) { try Formula(parsing: text, file: "lq.yaml") }
        #expect(error.code == .formulaSyntax)
        #expect(error.description == "lq.yaml:" + expected)
    }

    @Test("An error on the first line of a formula is offset by the formula's column in the file")
    func anErrorOnTheFirstLineIsOffsetByTheColumn() throws {
        let error = try #require(throws: IndicatorsError.self) {
            try Formula(parsing: "max(cluster(gva), region(gva)", file: "Indicators/lq.yaml", line: 14, column: 10)
        }
        #expect(error.file == "Indicators/lq.yaml")
        #expect(error.line == 14)
        #expect(error.column == 39)
        #expect(
            error.description
                == "Indicators/lq.yaml:14:39: expected ')' after the arguments of 'max', found end of formula")
    }

    @Test("An error in a three-line formula is located from the base line and column")
    func anErrorInAThreeLineFormulaIsLocated() throws {
        let text = """
            (cluster(employment) / region(employment))
              / (reference(employment)
                 / referenceTotal(employment)
            """
        let error = try #require(throws: IndicatorsError.self) {
            try Formula(parsing: text, file: "Indicators/lq.yaml", line: 10, column: 12)
        }
        #expect(
            error.description
                == "Indicators/lq.yaml:12:34: expected ')' to match the '(' at 11:5, found end of formula")
    }

    @Test(
        "Errors on each line of a multi-line formula are located in the file",
        arguments: [
            ("max(a,, b)\n+ 1", "Indicators/x.yaml:10:18: expected a value after ',', found ','"),
            (
                "a +\n  foo(b)",
                "Indicators/x.yaml:11:3: unknown function 'foo'; the functions are abs, cagr, change, "
                    + "cluster, coalesce, if, lag, log, max, mean, min, national, nationalTotal, peers, reference, referenceTotal, region, sqrt"
            ),
            ("a +\r\n b $", "Indicators/x.yaml:11:4: unexpected character '$'"),
            ("a +\r b $", "Indicators/x.yaml:11:4: unexpected character '$'"),
            (
                "a\n+\n\n  lag(x, 0)",
                "Indicators/x.yaml:13:10: the number of periods of 'lag' must be a whole "
                    + "number from 1 to 10000, written as a number; found 0"
            ),
            ("a +\n\n", "Indicators/x.yaml:10:15: expected a value after '+', found end of formula"),
        ] as [(String, String)])
    func errorsOnEachLineAreLocated(text: String, expected: String) throws {
        let error = try #require(throws: IndicatorsError.self) {
            try Formula(parsing: text, file: "Indicators/x.yaml", line: 10, column: 12)
        }
        #expect(error.description == expected)
    }

    @Test("Columns count Unicode scalars, not bytes")
    func columnsCountUnicodeScalars() throws {
        let error = try #require(throws: IndicatorsError.self) { try Formula(parsing: "a + é") }
        #expect(error.description == "line 1:5: unexpected character 'é'")
        let afterAccent = try #require(throws: IndicatorsError.self) { try Formula(parsing: "é") }
        #expect(afterAccent.column == 1)
    }

    // MARK: - Limits

    @Test("Parentheses nest up to the limit")
    func parenthesesNestUpToTheLimit() throws {
        let depth = FormulaParser.maximumNesting - 1
        let text = String(repeating: "(", count: depth) + "x + 1" + String(repeating: ")", count: depth)
        let formula = try Formula(parsing: text)
        #expect(try formula.evaluate(FormulaTestContext(["x": 1])).number == 2)
    }

    @Test("Parentheses nested beyond the limit are an error, not a crash")
    func parenthesesNestedBeyondTheLimitAreAnError() throws {
        let depth = FormulaParser.maximumNesting
        let text = String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth)
        let error = try #require(throws: IndicatorsError.self) { try Formula(parsing: text) }
        #expect(error.message == "formula too deeply nested (more than 64 levels)")
        #expect(error.column == depth + 1)
        let signs = String(repeating: "-", count: 10_000) + "x"
        #expect(throws: IndicatorsError.self) { try Formula(parsing: signs) }
    }

    @Test("Long chains evaluate up to the height limit")
    func longChainsEvaluateUpToTheHeightLimit() throws {
        let terms = (FormulaParser.maximumHeight + 1) / 2
        let formula = try Formula(parsing: Array(repeating: "x", count: terms).joined(separator: " + "))
        #expect(try formula.evaluate(FormulaTestContext(["x": 1])).number == Double(terms))
        let longest = try Formula(
            parsing: Array(repeating: "1", count: FormulaParser.maximumHeight).joined(separator: "+"))
        #expect(try longest.evaluate(FormulaTestContext()).number == Double(FormulaParser.maximumHeight))
    }

    @Test("Chains beyond the height limit are an error")
    func chainsBeyondTheHeightLimitAreAnError() throws {
        let text = Array(repeating: "1", count: FormulaParser.maximumHeight + 1).joined(separator: "+")
        let error = try #require(throws: IndicatorsError.self) { try Formula(parsing: text) }
        #expect(error.message == "formula too deeply nested (more than 256 levels)")
    }

    @Test("Nested means that would read too many values are an error")
    func nestedMeansThatWouldReadTooManyValuesAreAnError() throws {
        let single = try Formula(parsing: "mean(x, 10000)")
        #expect(single.references.count == 10_000)
        let error = try #require(throws: IndicatorsError.self) {
            try Formula(parsing: "1 + mean(mean(x, 1000), 1000)", file: "big.yaml")
        }
        #expect(error.description == "big.yaml:1:5: formula reads too many values (more than 100000 per evaluation)")
    }

    @Test("Nested means over a constant are refused at once: their window adds up past the limit")
    func nestedMeansOverAConstantAreRefusedAtOnce() throws {
        let start = ContinuousClock.now
        let error = try #require(throws: IndicatorsError.self) {
            try Formula(parsing: "e + mean(mean(mean(1, 10000), 10000), 10000)", file: "slow.yaml")
        }
        #expect(ContinuousClock.now - start < .seconds(1))
        #expect(
            error.description
                == "slow.yaml:1:10: formula reaches too far back: its time functions add up to more than 10000 periods")
    }

    @Test("A formula that would visit more than a million nodes per evaluation is refused, inputs or not")
    func formulasThatTakeTooManyStepsAreRefused() throws {
        let error = try #require(throws: IndicatorsError.self) {
            try Formula(parsing: "x + mean(mean(1 + 1, 2000), 2000)")
        }
        #expect(error.message == "formula takes too many steps (more than 1000000 per evaluation)")
        #expect(error.column == 5)
    }

    @Test("Time functions may reach 10,000 periods back, not one more")
    func windowsAreBounded() throws {
        let longest = try Formula(parsing: "lag(x, 10000)")
        #expect(longest.references == [FormulaReference(input: "x", scope: .cluster, periodOffset: -10_000)])
        let error = try #require(throws: IndicatorsError.self) { try Formula(parsing: "lag(lag(x, 10000), 1)") }
        #expect(error.message.hasPrefix("formula reaches too far back"))
    }

    @Test("References compose scopes and nested time functions, each once, without walking constants")
    func referencesComposeNestedTimeFunctions() throws {
        let formula = try Formula(parsing: "lag(mean(x, 3), 2) + change(region(y), 4) + mean(mean(1, 500), 500)")
        let expected: Set<FormulaReference> = [
            FormulaReference(input: "x", scope: .cluster, periodOffset: -2),
            FormulaReference(input: "x", scope: .cluster, periodOffset: -3),
            FormulaReference(input: "x", scope: .cluster, periodOffset: -4),
            FormulaReference(input: "y", scope: .region, periodOffset: 0),
            FormulaReference(input: "y", scope: .region, periodOffset: -4),
        ]
        #expect(formula.references == expected)
        let nested = try Formula(parsing: "mean(mean(x, 100), 100)")
        #expect(nested.references.map(\.periodOffset).sorted() == Array(-198...0))
        let context = FormulaTestContext([
            "x@-2": 1, "x@-3": 2, "x@-4": 3, "region(y)": 9, "region(y)@-4": 5,
        ])
        #expect(try formula.evaluate(context).number == 2 + 4 + 1)
    }
}
