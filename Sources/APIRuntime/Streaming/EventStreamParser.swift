/// Reads `text/event-stream` bytes into events, as the HTML standard's "Interpreting an event
/// stream" says: lines end with CR, LF or CRLF (also across chunks); `:` starts a comment; a
/// field's value loses one leading space; a blank line dispatches the event, unless it has no
/// data; the last id carries over to later events; an event the stream ends in the middle of
/// is dropped.
struct EventStreamParser: Sendable {
    /// The longest line, in bytes: a server that never ends one cannot fill the memory.
    let maxLineBytes: Int

    private var line: [UInt8] = []
    private var sawCR = false
    private var atStart = true
    private var data: [UInt8] = []
    private var hasData = false
    private var event: String?
    private var lastID: String?
    private var retry: Int?

    init(maxLineBytes: Int) {
        self.maxLineBytes = maxLineBytes
    }

    /// A line longer than ``maxLineBytes``.
    struct LineTooLong: Error, CustomStringConvertible {
        let limit: Int
        var description: String { "an event-stream line is longer than \(limit) bytes" }
    }

    /// Feeds a chunk; returns the events it completed, in order.
    mutating func feed(_ chunk: some Collection<UInt8>) throws -> [RawServerSentEvent] {
        var events: [RawServerSentEvent] = []
        for byte in chunk {
            switch byte {
            case UInt8(ascii: "\n"):
                if sawCR { sawCR = false; continue }  // the LF of a CRLF
                if let event = endLine() { events.append(event) }
            case UInt8(ascii: "\r"):
                sawCR = true
                if let event = endLine() { events.append(event) }
            default:
                sawCR = false
                line.append(byte)
                if line.count > maxLineBytes { throw LineTooLong(limit: maxLineBytes) }
            }
        }
        return events
    }

    /// One whole line: a field, a comment, or the blank line that dispatches.
    private mutating func endLine() -> RawServerSentEvent? {
        defer { line.removeAll(keepingCapacity: true) }
        if atStart {
            // A UTF-8 byte order mark before the first line is not part of the stream.
            atStart = false
            if line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        }
        if line.isEmpty { return dispatch() }
        if line[0] == UInt8(ascii: ":") { return nil }
        let colon = line.firstIndex(of: UInt8(ascii: ":"))
        let name = String(decoding: line[..<(colon ?? line.endIndex)], as: UTF8.self)
        var value = colon.map { line[line.index(after: $0)...] } ?? []
        if value.first == UInt8(ascii: " ") { value = value.dropFirst() }
        switch name {
        case "data":
            if hasData { data.append(UInt8(ascii: "\n")) }
            data += value
            hasData = true
        case "event":
            event = String(decoding: value, as: UTF8.self)
        case "id":
            if !value.contains(0) { lastID = String(decoding: value, as: UTF8.self) }
        case "retry":
            if !value.isEmpty, value.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                retry = Int(String(decoding: value, as: UTF8.self))
            }
        default:
            break  // unknown fields are ignored
        }
        return nil
    }

    private mutating func dispatch() -> RawServerSentEvent? {
        defer {
            data.removeAll(keepingCapacity: true)
            hasData = false
            event = nil
            retry = nil
        }
        guard hasData else { return nil }
        return RawServerSentEvent(event: event.flatMap { $0.isEmpty ? nil : $0 }, id: lastID, retry: retry,
                                  data: String(decoding: data, as: UTF8.self))
    }
}
