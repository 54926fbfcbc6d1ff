import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for the feed tests: the test starts it on a free port, gives
/// it a route function, and stops it. One connection at a time; `Connection: close` after each
/// response. Records every request it answered.
///
/// Hostile answers are bounded in time and size and stop by themselves: an endless body is at most
/// ``Response/Body/stream(chunk:count:interval:)`` chunks and ``maximumStreamSeconds`` long, and ends
/// as soon as the client hangs up.
public final class TestHTTPServer: Sendable {
    public struct Request: Sendable {
        public var method: String
        public var path: String
        public var headers: [String: String]
    }

    public struct Response: Sendable {
        /// How the body is sent.
        public enum Body: Sendable {
            /// These bytes, with a `Content-Length` (unless ``Response/announcedLength`` says otherwise).
            case bytes([UInt8])
            /// `chunk` sent `count` times, `interval` seconds apart, without a `Content-Length`; the
            /// connection is closed after it.
            case stream(chunk: [UInt8], count: Int, interval: Double)
        }

        public var status: Int
        public var headers: [String: String]
        public var body: Body
        /// Seconds to wait before answering (a slow server).
        public var delay: Double
        /// The `Content-Length` to announce for a `bytes` body (`nil`: its size; `-1`: none).
        public var announcedLength: Int?

        public init(
            status: Int, headers: [String: String] = [:], body: [UInt8] = [], delay: Double = 0,
            announcedLength: Int? = nil
        ) {
            self.status = status
            self.headers = headers
            self.body = .bytes(body)
            self.delay = delay
            self.announcedLength = announcedLength
        }

        public init(status: Int, headers: [String: String] = [:], streaming body: Body) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = 0
            self.announcedLength = -1
        }
    }

    /// The longest a streamed body runs, whatever its count.
    public static let maximumStreamSeconds = 60.0

    public let port: UInt16
    private let socketDescriptor: Int32
    private let route: @Sendable (Request) -> Response
    /// The requests answered so far, whether ``stop()`` was called, and the bytes of body sent.
    private let state = Mutex<(received: [Request], stopped: Bool, sent: Int)>(([], false, 0))

    /// The requests answered so far.
    public var requests: [Request] { state.withLock { $0.received } }

    /// The body bytes sent so far, all responses together.
    public var bodyBytesSent: Int { state.withLock { $0.sent } }

    /// The base URL, `http://127.0.0.1:PORT`.
    public var base: String { "http://127.0.0.1:\(port)" }

    public init(route: @escaping @Sendable (Request) -> Response) throws {
        self.route = route
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        port = UInt16(bigEndian: actual.sin_port)
        socketDescriptor = descriptor
        let thread = Thread { [self] in self.serve() }
        thread.start()
    }

    /// Stops accepting connections. Calling it again does nothing.
    ///
    /// The listening socket is shut down here (a waiting `accept` fails) but closed by the serving
    /// thread as it ends: closed here, its descriptor number could be reused by another test's server
    /// while this thread still accepts on it, or closed twice.
    public func stop() {
        let first = state.withLock { state in
            defer { state.stopped = true }
            return !state.stopped
        }
        if first { shutdown(socketDescriptor, Int32(SHUT_RDWR)) }
    }

    private var stopped: Bool { state.withLock { $0.stopped } }

    private func serve() {
        defer { close(socketDescriptor) }
        while !stopped {
            let client = accept(socketDescriptor, nil, nil)
            if client < 0 {
                if stopped { return }
                continue
            }
            handle(client)
            close(client)
        }
    }

    private func handle(_ client: Int32) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        var data: [UInt8] = []
        while !data.containsHeaderEnd {
            let count = read(client, &buffer, buffer.count)
            if count <= 0 { return }
            data += buffer[0..<count]
        }
        let head = String(decoding: data, as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ").map(String.init)
        guard requestLine.count >= 2 else { return }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let request = Request(method: requestLine[0], path: requestLine[1], headers: headers)
        state.withLock { $0.received.append(request) }
        let response = route(request)
        if response.delay > 0 { usleep(UInt32(response.delay * 1_000_000)) }
        var text = "HTTP/1.1 \(response.status) Status\r\nConnection: close\r\n"
        if case .bytes(let body) = response.body, response.announcedLength != -1 {
            text += "Content-Length: \(response.announcedLength ?? body.count)\r\n"
        }
        for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
        text += "\r\n"
        guard transmit(Array(text.utf8), to: client) else { return }
        switch response.body {
        case .bytes(let body):
            _ = sendBody(body, to: client)
        case .stream(let chunk, let count, let interval):
            let deadline = Date().addingTimeInterval(Self.maximumStreamSeconds)
            for _ in 0..<count where !stopped && Date() < deadline {
                guard sendBody(chunk, to: client) else { return }
                if interval > 0 { usleep(UInt32(interval * 1_000_000)) }
            }
        }
    }

    private func sendBody(_ bytes: [UInt8], to client: Int32) -> Bool {
        guard transmit(bytes, to: client) else { return false }
        state.withLock { $0.sent += bytes.count }
        return true
    }

    /// Sends every byte; `false` when the client has gone (no SIGPIPE: `MSG_NOSIGNAL`).
    private func transmit(_ bytes: [UInt8], to client: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes {
                send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }
}

extension [UInt8] {
    fileprivate var containsHeaderEnd: Bool {
        guard count >= 4 else { return false }
        for index in 0...(count - 4)
        where self[index] == 13 && self[index + 1] == 10 && self[index + 2] == 13
            && self[index + 3] == 10
        {
            return true
        }
        return false
    }
}
