import ClusterLensCore
internal import ClusterLensSupport
import ClusterLensXML

/// One component value of the observation being read: a slot and a byte range of the buffer.
struct RawComponent {
    var slot: Int32
    var start: Int32
    var count: Int32
}

/// The observation being read, as UTF-8 bytes: no `String` and no allocation per observation.
///
/// XML attribute values are only valid during libxml2's callback, so they are copied here (one
/// `memcpy` each); the storage keeps its capacity from one observation to the next.
final class ObservationBuffer {
    let bytes = ByteStorage(capacity: 1024)
    @exclusivity(unchecked) private var components: UnsafeMutablePointer<RawComponent>
    @exclusivity(unchecked) private var capacity = 32
    /// The number of components.
    @exclusivity(unchecked) private(set) var count = 0
    /// The index of the primary measure's component, -1 when the observation has no value.
    @exclusivity(unchecked) var valueIndex = -1

    init() {
        components = .allocate(capacity: capacity)
    }

    deinit {
        components.deallocate()
    }

    @inline(__always)
    func reset() {
        bytes.removeAll()
        count = 0
        valueIndex = -1
    }

    /// Component `index`.
    @inline(__always)
    subscript(index: Int) -> RawComponent { components[index] }

    /// The components.
    var all: UnsafeBufferPointer<RawComponent> { UnsafeBufferPointer(start: components, count: count) }

    @inline(__always)
    private func add(_ component: RawComponent) {
        if count == capacity {
            let larger = UnsafeMutablePointer<RawComponent>.allocate(capacity: capacity * 2)
            larger.update(from: components, count: count)
            components.deallocate()
            components = larger
            capacity *= 2
        }
        components[count] = component
        count += 1
    }

    /// Appends an XML attribute value (decoding the `&#38;` libxml2 leaves for ampersands).
    @inline(__always)
    func append(slot: Int, raw: UnsafeBufferPointer<UInt8>) {
        if raw.contains(UInt8(ascii: "&")) {
            append(slot: slot, string: XMLText.decodeAttributeValue(raw))
            return
        }
        let start = bytes.count
        bytes.append(raw)
        add(RawComponent(slot: Int32(slot), start: Int32(start), count: Int32(raw.count)))
    }

    /// Appends a value given as a string.
    func append(slot: Int, string: String) {
        let start = bytes.count
        bytes.append(string)
        add(RawComponent(slot: Int32(slot), start: Int32(start), count: Int32(bytes.count - start)))
    }

    /// The value of component `index` as a string.
    func string(at index: Int) -> String {
        let component = components[index]
        return String(decoding: bytes.slice(Int(component.start), Int(component.count)), as: UTF8.self)
    }
}

/// A sink that takes observations as raw bytes (the fast path of ``SDMXCSVWriter``).
protocol RawObservationSink: SDMXDataSink {
    /// Slot `index` of the current data set is component `slot.id` with `slot.role`.
    func defineSlot(_ index: Int, slot: ComponentSlot) throws
    /// One observation; `buffer` is valid during the call only. `period` is the parsed time period
    /// when ``wantsPeriods`` is true, else `nil` (the period is still validated).
    func rawObservation(_ buffer: ObservationBuffer, series: Series, period: TimePeriod?) throws
    /// Whether ``rawObservation(_:series:period:)`` needs the parsed period.
    var wantsPeriods: Bool { get }
}

extension RawObservationSink {
    /// Default: the period is not needed.
    var wantsPeriods: Bool { false }
}
