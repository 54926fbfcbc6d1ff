internal import ClusterLensCore
internal import ClusterLensImport
internal import Foundation

/// Receives the importer's records for ``ObservationStore/load(file:dataflow:structures:diagnostics:)``
/// and has a ``RecordFiler`` file them in a copy of the store.
///
/// A large file is loaded on two cores: records go in batches to a thread of their own that files
/// them while the importer parses the next ones, so the load takes about the longer of parsing and
/// filing, not their sum. The batches keep file order, so the result is the one filing them in turn
/// would give. A file of less than one batch is filed on the calling thread and starts no thread.
///
/// When the import fails, the sink is dropped unfinished: the filing thread is stopped and the copy
/// thrown away, so the store is unchanged.
final class StoreRecordSink: ObservationRecordSink {
    /// Records per batch: large enough that handing a batch over costs nothing per record, small
    /// enough that the two batches in flight weigh well under a megabyte each.
    static let batchSize = 4096
    /// Batches waiting for the filing thread at most; the parser waits beyond that.
    private static let batchesInFlight = 2

    private let filer: RecordFiler
    // Used by the parsing thread only: unchecked for exclusive access, as the importer's own state.
    @exclusivity(unchecked) private var batch: [ObservationRecord] = []
    /// The queue to the filing thread, once it runs.
    @exclusivity(unchecked) private var queue: HandoffQueue<[ObservationRecord]>?

    init(store: ObservationStore) {
        filer = RecordFiler(store: store)
        batch.reserveCapacity(Self.batchSize)
    }

    deinit {
        queue?.close()
        queue?.waitUntilDrained()
    }

    func begin(file path: String, format: DataSource.Format) throws {
        fileEverything()
        filer.begin()
    }

    func end(_ source: DataSource) throws {
        fileEverything()
        filer.identify(source)
    }

    func record(_ record: consuming ObservationRecord) throws {
        batch.append(record)
        if batch.count == Self.batchSize { handOver() }
    }

    /// Files every record received and gives the filer, whose store holds them.
    func finish() -> RecordFiler {
        fileEverything()
        filer.finish()
        return filer
    }

    /// Files every record received so far, on this thread once the filing thread has stopped.
    private func fileEverything() {
        drain()
        filer.file(batch)
        batch.removeAll(keepingCapacity: true)
    }

    /// Hands the full batch to the filing thread, starting it with the first batch.
    private func handOver() {
        if queue == nil {
            let queue = HandoffQueue<[ObservationRecord]>(capacity: Self.batchesInFlight)
            let filer = self.filer
            let thread = Thread {
                while let batch = queue.take() { filer.file(batch) }
                queue.markDrained()
            }
            thread.name = "clusterlens-store-filer"
            thread.start()
            self.queue = queue
        }
        queue?.put(batch)
        batch = []
        batch.reserveCapacity(Self.batchSize)
    }

    /// Waits until the filing thread has filed every batch handed over, and stops it.
    private func drain() {
        guard let queue else { return }
        queue.close()
        queue.waitUntilDrained()
        self.queue = nil
    }
}

/// Files records in a copy of the store (swapped in only when the whole file is read). The table of
/// the dataflow being read is held apart while its records come, so a record costs no look-up of its
/// dataflow; ``finish()`` puts it back.
///
/// Used by one thread at a time: the thread of ``StoreRecordSink``'s caller, or its filing thread
/// between the first hand-over and ``StoreRecordSink``'s drain (which waits for the filing thread,
/// through ``HandoffQueue``'s lock, before the caller touches the filer again).
final class RecordFiler: @unchecked Sendable {
    private(set) var store: ObservationStore
    private var source: Int32 = 0
    private var dataflow: String?
    private var table = DataflowTable()
    /// Observations that replaced an earlier one with another value or status, and the first of them.
    private var conflicts = 0
    private var firstConflict: (replaced: DataflowTable.Replacement, kept: ObservationRecord)?

    init(store: ObservationStore) {
        self.store = store
    }

    /// The file starts: its observations are filed under a number its source will have.
    func begin() {
        source = store.provisionalSourceNumber()
    }

    /// The file's source, once its SHA-256 is known.
    func identify(_ source: DataSource) {
        store.identify(self.source, as: source)
    }

    /// Files records in order.
    func file(_ records: [ObservationRecord]) {
        for record in records { file(record) }
    }

    private func file(_ record: ObservationRecord) {
        if record.dataflow != dataflow {
            finish()
            dataflow = record.dataflow
            table = store.tables.removeValue(forKey: record.dataflow) ?? DataflowTable()
        }
        if let replaced = table.insert(
            key: record.key, period: record.period, value: record.value, status: record.status, source: source)
        {
            conflicts += 1
            if firstConflict == nil { firstConflict = (replaced, record) }
        }
    }

    /// A warning when the file repeated observations (its own, or an earlier file's) with other values:
    /// the order of the files decides, so the user is told which value is kept. Call after ``finish()``.
    func duplicatesNote(file: String) -> Diagnostic? {
        guard let (replacement, record) = firstConflict,
            let replaced = store.stored(replacement, dataflow: record.dataflow),
            let source = store.sourceList.indices.contains(Int(self.source)) ? store.sourceList[Int(self.source)] : nil
        else { return nil }
        func describe(_ value: ObservationValue, _ status: [ComponentValue], _ path: String) -> String {
            let text = value.lexical.map { "\"\($0)\"" } ?? "no value"
            let flags = status.map { "\($0.id)=\($0.value)" }.joined(separator: ", ")
            return text + (flags.isEmpty ? "" : " (\(flags))") + " from \(path)"
        }
        let others = conflicts > 1 ? "; \(conflicts - 1) more observation(s) of the file do the same" : ""
        return .warning(
            .import, code: "duplicate-observation",
            "\(record.dataflow) \(replaced.seriesKey) \(record.period.lexical) appears twice with different values: "
                + "the later, \(describe(record.value, record.status, source.path)), replaces "
                + "\(describe(replaced.value, replaced.status, replaced.source.path)) (the order of the files decides)"
                + others,
            location: InputLocation(file: file))
    }

    /// Puts the table being filled back into the store.
    func finish() {
        guard let dataflow else { return }
        store.tables[dataflow] = table
        table = DataflowTable()
        self.dataflow = nil
    }
}
