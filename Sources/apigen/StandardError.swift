#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to standard error, where diagnostics go.
enum StandardError {
    static func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { writeToStandardError($0.baseAddress, $0.count) }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}

/// `write(2)` on standard error, under a name ``StandardError/write(_:)`` does not hide.
private func writeToStandardError(_ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(STDERR_FILENO, buffer, count)
}
