internal import Foundation

/// Validates JSON documents against a JSON Schema (draft 2020-12), for the keywords the report
/// schema uses: `type` (one or a list), `enum`, `const`, `properties`, `required`,
/// `additionalProperties` (a boolean or a schema), `items`, `minItems`, `minimum`, `maximum`,
/// `pattern`, `anyOf` and `$ref` to `#/$defs/NAME`. Annotations (`title`, `description`, `$id`,
/// `$schema`, `format`) are ignored; any other keyword makes the schema itself an error, so a schema
/// never silently checks less than it says.
public struct JSONSchemaValidator: Sendable {
    /// A validity error: where (a JSON Pointer such as `/clusters/0/indicators/3/value`) and what.
    public struct Issue: Sendable, Equatable, CustomStringConvertible {
        /// The JSON Pointer of the offending value (`` for the root).
        public var pointer: String
        /// What is wrong.
        public var message: String

        /// `pointer: message`.
        public var description: String { "\(pointer.isEmpty ? "/" : pointer): \(message)" }
    }

    private let schema: JSONValue
    private static let keywords: Set<String> = [
        "type", "enum", "const", "properties", "required", "additionalProperties", "items", "minItems", "minimum",
        "maximum", "pattern", "anyOf", "$ref", "title", "description", "$id", "$schema", "$defs", "format",
    ]

    /// A validator for `schema`.
    ///
    /// - Throws: ``ReportError`` (`invalid`) when the schema uses a keyword this validator does not
    ///   implement or a `$ref` that does not resolve.
    public init(schema: JSONValue) throws(ReportError) {
        self.schema = schema
        try check(schema, at: "#")
    }

    /// The validity errors of `document`; empty when valid (at most `limit`).
    public func validate(_ document: JSONValue, limit: Int = 50) -> [Issue] {
        var issues: [Issue] = []
        validate(document, against: schema, pointer: "", issues: &issues, limit: limit)
        return issues
    }

    private func check(_ node: JSONValue, at path: String) throws(ReportError) {
        guard case .object(let members) = node else {
            if case .bool = node { return }
            throw ReportError(.invalid, "schema \(path) is not an object")
        }
        for (key, value) in members {
            guard Self.keywords.contains(key) else {
                throw ReportError(.invalid, "schema keyword \(key) at \(path) is not supported by this validator")
            }
            switch key {
            case "properties", "$defs":
                if case .object(let children) = value {
                    for child in children { try check(child.value, at: "\(path)/\(key)/\(child.key)") }
                }
            case "items", "additionalProperties":
                try check(value, at: "\(path)/\(key)")
            case "anyOf":
                if case .array(let options) = value {
                    for (index, option) in options.enumerated() { try check(option, at: "\(path)/anyOf/\(index)") }
                }
            case "$ref":
                guard case .string(let reference) = value, resolve(reference) != nil else {
                    throw ReportError(.invalid, "unresolved $ref at \(path)")
                }
            default:
                break
            }
        }
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/$defs/") else { return nil }
        return schema["$defs"]?[String(reference.dropFirst("#/$defs/".count))]
    }

    private func validate(
        _ value: JSONValue, against schema: JSONValue, pointer: String, issues: inout [Issue], limit: Int
    ) {
        guard issues.count < limit else { return }
        func fail(_ message: String) { issues.append(Issue(pointer: pointer, message: message)) }
        if case .bool(let allowed) = schema {
            if !allowed { fail("no value is allowed here") }
            return
        }
        if case .string(let reference)? = schema["$ref"], let target = resolve(reference) {
            validate(value, against: target, pointer: pointer, issues: &issues, limit: limit)
        }
        if let type = schema["type"] {
            let names: [String]
            switch type {
            case .string(let name): names = [name]
            case .array(let list): names = list.compactMap { if case .string(let name) = $0 { name } else { nil } }
            default: names = []
            }
            if !names.contains(where: { Self.matches(value, type: $0) }) {
                fail("expected \(names.joined(separator: " or ")), found \(Self.describe(value))")
                return
            }
        }
        if case .array(let options)? = schema["enum"], !options.contains(value) {
            fail("\(Self.describe(value)) is not one of the allowed values")
        }
        if let constant = schema["const"], constant != value { fail("expected the constant value") }
        if case .array(let options)? = schema["anyOf"] {
            let matching = options.contains { option in
                var scratch: [Issue] = []
                validate(value, against: option, pointer: pointer, issues: &scratch, limit: 1)
                return scratch.isEmpty
            }
            if !matching { fail("\(Self.describe(value)) matches none of the allowed forms") }
        }
        switch value {
        case .object(let members):
            if case .array(let required)? = schema["required"] {
                for case .string(let name) in required where !members.contains(where: { $0.key == name }) {
                    fail("missing required member \"\(name)\"")
                }
            }
            let properties = schema["properties"]
            for (key, member) in members {
                let path = pointer + "/" + Self.escape(key)
                if let property = properties?[key] {
                    validate(member, against: property, pointer: path, issues: &issues, limit: limit)
                } else if let additional = schema["additionalProperties"] {
                    if case .bool(false) = additional {
                        issues.append(Issue(pointer: path, message: "member \"\(key)\" is not allowed"))
                    } else {
                        validate(member, against: additional, pointer: path, issues: &issues, limit: limit)
                    }
                }
            }
        case .array(let items):
            if case .number(let minimum, _)? = schema["minItems"], Double(items.count) < minimum {
                fail("expected at least \(Int(minimum)) items, found \(items.count)")
            }
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() {
                    validate(item, against: itemSchema, pointer: "\(pointer)/\(index)", issues: &issues, limit: limit)
                }
            }
        case .number(let number, _):
            if case .number(let minimum, _)? = schema["minimum"], number < minimum {
                fail("\(number) is below \(minimum)")
            }
            if case .number(let maximum, _)? = schema["maximum"], number > maximum {
                fail("\(number) is above \(maximum)")
            }
        case .string(let text):
            if case .string(let pattern)? = schema["pattern"] {
                let matched = (try? NSRegularExpression(pattern: pattern)).map {
                    $0.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                }
                if matched != true { fail("\"\(text)\" does not match \(pattern)") }
            }
        default:
            break
        }
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
            ("number", .number):
            true
        case ("integer", .number(let number, let isInteger)): isInteger || number == number.rounded()
        default: false
        }
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): String(flag)
        case .number(let number, _): "the number \(number)"
        case .string(let text): "the string \"\(text.prefix(40))\""
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// JSON Pointer escaping (`~` → `~0`, `/` → `~1`).
    private static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
