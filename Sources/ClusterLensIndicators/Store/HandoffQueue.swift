internal import Foundation

/// A bounded first-in, first-out queue from one producing thread to one consuming thread.
///
/// ``put(_:)`` waits while the queue is full, ``take()`` while it is empty; after ``close()``,
/// ``take()`` gives what is left, then `nil`. The consumer calls ``markDrained()`` when it stops, and
/// ``waitUntilDrained()`` waits for that: everything the consumer did happens before the wait returns.
final class HandoffQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    // Guarded by `condition`.
    private var items: [Element] = []
    private var closed = false
    private var drained = false

    /// A queue holding at most `capacity` elements.
    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Adds an element, waiting while the queue is full; dropped when the queue is closed.
    func put(_ element: Element) {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !closed { condition.wait() }
        guard !closed else { return }
        items.append(element)
        condition.broadcast()
    }

    /// The oldest element, waiting while the queue is empty and open; `nil` once it is closed and empty.
    func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed { condition.wait() }
        guard !items.isEmpty else { return nil }
        condition.broadcast()
        return items.removeFirst()
    }

    /// No more elements will come.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The consumer has stopped.
    func markDrained() {
        condition.lock()
        drained = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the consumer has stopped.
    func waitUntilDrained() {
        condition.lock()
        while !drained { condition.wait() }
        condition.unlock()
    }
}
