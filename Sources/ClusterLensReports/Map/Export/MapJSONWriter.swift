internal import ClusterLensSupport

/// The `json` form of a map, streamed: `{"schemaVersion", "kind": "map", "level", "toolVersion",
/// "generatedAt", "sources", "indicators", "categories" (with their "thresholds"), "regions",
/// "entries": [{"region", "category", "stars", "mappingClass", "values": [{"id", "value", "period",
/// "status", "flags", "reason"}]}], "methods", "diagnostics"}`; missing numbers are `null`.
enum MapJSONWriter {
    /// The version of the layout.
    static let schemaVersion = "1.0"

    static func write(_ map: ClusterMap, folder: String, name: String) throws(ReportError) -> [String] {
        let path = ReportOutputFile.path(folder, name, "json")
        try ReportOutputFile.write(path) { output in
            let json = JSONStreamWriter(output: output)
            try json.beginObject()
            try json.field("schemaVersion", schemaVersion)
            try json.field("kind", "map")
            try json.key("level")
            try json.integer(map.level)
            try json.field("toolVersion", map.toolVersion)
            try json.field("generatedAt", map.generatedAt.iso8601)
            try json.key("sources")
            try json.beginArray()
            for source in map.sources {
                try json.beginObject()
                try json.field("path", source.file.path)
                try json.field("sha256", source.file.sha256)
                try json.field("dataflows", strings: source.dataflows)
                try json.endObject()
            }
            try json.endArray()
            try json.key("indicators")
            try json.beginArray()
            for indicator in map.indicators {
                try json.beginObject()
                try json.field("id", indicator.id)
                try json.field("name", indicator.name)
                try json.field("unit", indicator.unit)
                try json.field("scope", indicator.scope.rawValue)
                try json.endObject()
            }
            try json.endArray()
            try categories(map, json)
            try json.key("regions")
            try json.beginArray()
            for region in map.regions {
                try json.beginObject()
                try json.field("code", region.code.code)
                try json.field("name", region.name)
                try json.field("country", region.country.code)
                try json.endObject()
            }
            try json.endArray()
            try json.key("entries")
            try json.beginArray()
            for entry in map.entries { try self.entry(entry, of: map, json) }
            try json.endArray()
            try json.key("methods")
            try json.beginArray()
            for method in map.methods {
                try json.beginObject()
                try json.field("name", method.name)
                try json.field("description", method.description)
                try json.endObject()
            }
            try json.endArray()
            try json.field("diagnostics", strings: map.diagnostics.map(\.description))
            try json.endObject()
            try json.finish()
        }
        return [path]
    }

    private static func categories(_ map: ClusterMap, _ json: JSONStreamWriter) throws {
        try json.key("categories")
        try json.beginArray()
        for (category, thresholds) in zip(map.categories, map.thresholds) {
            try json.beginObject()
            try json.field("id", category.id)
            try json.field("name", category.name)
            try json.field("sectors", strings: category.sectors.codes.map(\.dottedNotation))
            try json.field("approximation", category.approximation)
            try json.field("note", category.note)
            try json.key("thresholds")
            try json.beginObject()
            try json.key("regionsWithData")
            try json.integer(thresholds.regionsWithData)
            for (name, value) in thresholds.named { try json.field(name, number: value) }
            try json.endObject()
            try json.endObject()
        }
        try json.endArray()
    }

    private static func entry(_ entry: ClusterMap.Entry, of map: ClusterMap, _ json: JSONStreamWriter) throws {
        try json.beginObject()
        try json.field("region", map.regions[entry.region].code.code)
        try json.field("category", map.categories[entry.category].id)
        try json.key("stars")
        try json.integer(entry.stars)
        try json.field("mappingClass", entry.mappingClass?.rawValue)
        try json.key("values")
        try json.beginArray()
        for value in entry.values {
            try json.beginObject()
            try json.field("id", value.indicator)
            try json.field("value", number: value.value)
            try json.field("period", value.period?.lexical)
            try json.field("status", value.status.rawValue)
            try json.field("flags", strings: value.flags.map(\.rawValue))
            try json.field("reason", value.reason)
            try json.endObject()
        }
        try json.endArray()
        try json.endObject()
    }
}
