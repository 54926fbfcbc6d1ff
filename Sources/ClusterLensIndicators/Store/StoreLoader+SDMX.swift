import ClusterLensCore
import ClusterLensImport

extension StoreLoader {
    /// Reads an SDMX-ML data message through the importer.
    mutating func readSDMX(path: String, structures: StructureCollection?) throws(IndicatorsError) {
        let sink = StoreSink(loader: self, path: path)
        do {
            try SDMXDataReader(structures: structures).read(file: path, into: sink)
        } catch let error as IndicatorsError {
            throw error
        } catch let error as ImportError {
            throw IndicatorsError(
                .unreadable, error.message, file: error.file.isEmpty ? path : error.file, line: error.line,
                column: error.column)
        } catch {
            throw IndicatorsError(.unreadable, "cannot read the SDMX-ML message: \(error)", file: path)
        }
        self = sink.loader
    }
}

/// Receives the importer's observations and files them in the store.
final class StoreSink: SDMXDataSink {
    var loader: StoreLoader
    let path: String
    private var dataflow = ""

    init(loader: StoreLoader, path: String) {
        self.loader = loader
        self.path = path
    }

    func beginDataset(_ header: DatasetHeader) throws {
        let named = header.structure?.id ?? header.dataflowLabel
        dataflow = loader.explicitDataflow ?? ObservationStore.normalisedDataflowID(named)
        guard !dataflow.isEmpty else {
            throw IndicatorsError(
                .unreadable, "the data set names no dataflow or structure: pass the dataflow when loading", file: path)
        }
    }

    func observation(_ observation: Observation) throws {
        var key: [ComponentValue] = []
        key.reserveCapacity(observation.series.key.values.count + observation.dimensions.count)
        for component in observation.series.key.values + observation.dimensions
        where !loader.isTime(component.id, dataflow: dataflow) {
            key.append(component)
        }
        let status = observation.resolvedAttributes.compactMap { attribute -> ComponentValue? in
            let id = attribute.id.uppercased()
            return ObservationStore.statusAttributeIDs.contains(id)
                ? ComponentValue(id: id, value: attribute.value) : nil
        }
        loader.add(
            dataflow: dataflow, key: key, period: observation.period, value: observation.value, status: status)
    }
}
