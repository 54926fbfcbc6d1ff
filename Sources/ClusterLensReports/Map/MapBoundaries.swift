internal import Foundation

/// NUTS region outlines for the map's choropleth, from a GeoJSON file such as GISCO's
/// `NUTS_RG_20M_2021_4326_LEVL_2.geojson` (features with a `NUTS_ID` property and Polygon or
/// MultiPolygon geometry in longitude/latitude). Coordinates are rounded to 0.01° and repeated
/// points dropped, so the page stays small.
public struct MapBoundaries: Sendable {
    /// The outline of each region: rings of (longitude, latitude) points.
    public var rings: [String: [[(Double, Double)]]]
    /// The attribution the boundaries' licence asks for.
    public var attribution: String

    /// GISCO's attribution for its administrative boundaries.
    public static let giscoAttribution = "Administrative boundaries: © EuroGeographics, © UN-FAO, © Turkstat"

    /// Creates boundaries.
    public init(rings: [String: [[(Double, Double)]]], attribution: String = giscoAttribution) {
        self.rings = rings
        self.attribution = attribution
    }

    /// Reads a GeoJSON feature collection.
    ///
    /// - Parameter path: The file.
    /// - Throws: ``ReportError`` (`source`) naming the file when it cannot be read or is not a
    ///   GeoJSON feature collection with `NUTS_ID` (or `id`) properties.
    public static func load(file path: String) throws(ReportError) -> MapBoundaries {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ReportError(.source, "cannot read the boundaries: \(error.localizedDescription)", file: path)
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let features = root["features"] as? [[String: Any]]
        else {
            throw ReportError(.source, "not a GeoJSON feature collection (expected \"features\")", file: path)
        }
        var rings: [String: [[(Double, Double)]]] = [:]
        for feature in features {
            let properties = feature["properties"] as? [String: Any]
            guard let id = (properties?["NUTS_ID"] ?? properties?["id"] ?? feature["id"]) as? String,
                let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String
            else { continue }
            let polygons: [Any]
            switch type {
            case "Polygon": polygons = [geometry["coordinates"] as Any]
            case "MultiPolygon": polygons = geometry["coordinates"] as? [Any] ?? []
            default: continue
            }
            for polygon in polygons {
                for ring in polygon as? [[[Double]]] ?? [] {
                    var points: [(Double, Double)] = []
                    for point in ring where point.count >= 2 {
                        let rounded = ((point[0] * 100).rounded() / 100, (point[1] * 100).rounded() / 100)
                        if let last = points.last, last == rounded { continue }
                        points.append(rounded)
                    }
                    if points.count >= 3 { rings[id, default: []].append(points) }
                }
            }
        }
        guard !rings.isEmpty else {
            throw ReportError(.source, "no feature with a NUTS_ID and a polygon", file: path)
        }
        return MapBoundaries(rings: rings)
    }

    /// SVG path data of every region in `codes` that has an outline, projected onto a `width`-wide
    /// box (equirectangular, longitudes scaled by the cosine of the middle latitude), and the box's
    /// height.
    func paths(for codes: [String], width: Double) -> (paths: [(code: String, data: String)], height: Double) {
        let shapes = codes.compactMap { code in rings[code].map { (code, $0) } }
        let points = shapes.flatMap { $0.1.flatMap { $0 } }
        guard let minX = points.map(\.0).min(), let maxX = points.map(\.0).max(),
            let minY = points.map(\.1).min(), let maxY = points.map(\.1).max(), maxX > minX, maxY > minY
        else { return ([], 0) }
        let squeeze = cos((minY + maxY) / 2 * .pi / 180)
        let scale = width / ((maxX - minX) * squeeze)
        let height = (maxY - minY) * scale
        func format(_ value: Double) -> String { String(format: "%.1f", value) }
        let paths = shapes.map { code, rings in
            let data = rings.map { ring in
                "M"
                    + ring.map { format(($0.0 - minX) * squeeze * scale) + "," + format((maxY - $0.1) * scale) }
                    .joined(separator: "L") + "Z"
            }.joined()
            return (code, data)
        }
        return (paths, height)
    }
}
