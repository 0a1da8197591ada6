import Foundation
import Testing

/// A running `skm serve` child process on a free loopback port, for the real-HTTP tests.
/// Its standard error (JSON log lines) is collected so a test can wait for an event.
final class LiveServer: @unchecked Sendable {
    let process = Process()
    let base: URL
    private let lock = NSLock()
    private var errText = ""
    private let watchdog: Task<Void, any Error>

    init(store path: String, arguments extra: [String] = []) async throws {
        process.executableURL = try LiveServerTests.binary()
        process.arguments = ["serve", "--store", path, "--host", "127.0.0.1", "--port", "0"] + extra
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let p = process
        // Never leave a server behind if a test hangs.
        watchdog = Task.detached {
            try await Task.sleep(for: .seconds(120))
            if p.isRunning { p.terminate() }
        }
        // "listening on http://127.0.0.1:PORT" once the socket is bound.
        let line = await Task.detached { () -> String in
            var text = ""
            while !text.contains("\n") {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            return text
        }.value
        let prefix = "listening on http://127.0.0.1:"
        guard let port = line.split(separator: "\n").first.flatMap({ $0.hasPrefix(prefix) ? $0.dropFirst(prefix.count) : nil }),
              let url = URL(string: "http://127.0.0.1:\(port)") else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            throw LiveServerTests.Failure("skm serve did not report its port: '\(line)'")
        }
        base = url
        Thread.detachNewThread { [self] in
            while true {
                let chunk = err.fileHandleForReading.availableData
                if chunk.isEmpty { return }
                lock.lock(); errText += String(decoding: chunk, as: UTF8.self); lock.unlock()
            }
        }
    }

    var log: String { lock.lock(); defer { lock.unlock() }; return errText }

    /// Waits until the log contains `text` (the watchdog bounds the wait).
    func waitForLog(_ text: String) async throws {
        while !log.contains(text) {
            guard process.isRunning else { throw LiveServerTests.Failure("server exited before logging '\(text)'") }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Sends SIGTERM and waits for the process to end.
    func terminate() async {
        kill(process.processIdentifier, SIGTERM)
        let p = process
        await Task.detached { p.waitUntilExit() }.value
        watchdog.cancel()
    }

    deinit {
        watchdog.cancel()
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// A plain TCP connection, to hold a request open half-sent.
struct RawConnection {
    let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port)).bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else { close(fd); throw LiveServerTests.Failure("connect failed: errno \(errno)") }
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw LiveServerTests.Failure("send failed: errno \(errno)") }
            sent += n
        }
    }

    /// Reads until the peer closes the connection.
    func readAll() -> String {
        var data = [UInt8](), buf = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buf, buf.count, 0)
            if n <= 0 { break }
            data += buf[0..<n]
        }
        close(fd)
        return String(decoding: data, as: UTF8.self)
    }
}
