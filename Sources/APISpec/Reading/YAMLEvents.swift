import CYaml
import Dispatch

/// libyaml's events for one input, parsed on another thread while the caller builds the tree
/// from them on its own: scanning is most of the cost of reading YAML, and the two halves
/// overlap this way. The events arrive in batches, in order, so what is built does not depend
/// on the threads' timing.
///
/// The caller takes events with ``next()`` until the stream ends (or it stops early), and then
/// must call ``finish()``, which waits for the parsing thread and frees whatever it made that
/// was not taken. The input must stay valid until `finish()` returns.
final class YAMLEvents: @unchecked Sendable {
    /// What the parsing thread hands over.
    private struct Batch {
        var events: [yaml_event_t] = []
        /// The syntax error that ended the stream, after `events`.
        var error: SyntaxError?
    }

    /// libyaml's account of a syntax error, copied out of the parser.
    struct SyntaxError {
        var message: String
        var line: Int
        var column: Int
    }

    /// Events per batch: enough that handing over costs nothing next to parsing them.
    private static let batchSize = 1024
    /// Batches the parsing thread may run ahead of the caller, bounding the memory in flight.
    private static let batchesAhead = 8

    // Shared state, guarded by `lock`. Semaphores count the batches ready and the room left.
    private let lock = DispatchSemaphore(value: 1)
    private let ready = DispatchSemaphore(value: 0)
    /// Starts at zero and is raised in `init`: libdispatch traps when a semaphore is freed
    /// below its starting value, which stopping early would otherwise leave this one.
    private let room = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private var queue: [Batch] = []
    private var queueStart = 0
    private var cancelled = false

    // The caller's side.
    private var current: [yaml_event_t] = []
    private var position = 0
    private var pendingError: SyntaxError?
    private var ended = false

    /// Starts parsing `input` (UTF-8, valid until ``finish()``) on another thread. Nil when
    /// libyaml cannot start.
    init?(input: UnsafeBufferPointer<UInt8>) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            return nil
        }
        yaml_parser_set_input_string(parser, input.baseAddress, input.count)
        for _ in 0..<Self.batchesAhead { room.signal() }
        let start = Parallel.Handoff(parser)
        DispatchQueue.global().async { [self] in
            produce(start.value)
            yaml_parser_delete(start.value)
            start.value.deallocate()
            done.signal()
        }
    }

    /// The next event, or nil when the stream has ended; then ``error`` says whether it ended
    /// in a syntax error. The caller frees each event with `yaml_event_delete` once done with it.
    func next() -> yaml_event_t? {
        while position == current.count {
            if ended { return nil }
            if let error = pendingError {
                pendingError = nil
                ended = true
                self.error = error
                return nil
            }
            ready.wait()
            lock.wait()
            let batch = queue[queueStart]
            queue[queueStart] = Batch()
            queueStart += 1
            lock.signal()
            room.signal()
            current = batch.events
            position = 0
            pendingError = batch.error
        }
        let event = current[position]
        position += 1
        // Nothing follows the end of the stream: later calls return nil instead of waiting.
        if event.type == YAML_STREAM_END_EVENT { ended = true }
        return event
    }

    /// The syntax error the stream ended with, once ``next()`` has returned nil.
    private(set) var error: SyntaxError?

    /// Stops the parsing thread if it is still going, waits for it, and frees the events not
    /// taken. Call once, after the last `next()`.
    func finish() {
        lock.wait()
        cancelled = true
        lock.signal()
        room.signal()  // in case the parsing thread is waiting for room
        done.wait()
        for index in position..<current.count { yaml_event_delete(&current[index]) }
        for batch in queue[queueStart...] {
            var events = batch.events
            for index in events.indices { yaml_event_delete(&events[index]) }
        }
        current = []
        queue = []
    }

    /// The parsing thread: batches of events until the stream ends, an error, or cancellation.
    private func produce(_ parser: UnsafeMutablePointer<yaml_parser_t>) {
        while true {
            room.wait()
            lock.wait()
            let stop = cancelled
            lock.signal()
            if stop { return }
            var batch = Batch()
            batch.events.reserveCapacity(Self.batchSize)
            var finished = false
            while batch.events.count < Self.batchSize {
                var event = yaml_event_t()
                guard yaml_parser_parse(parser, &event) == 1 else {
                    batch.error = Self.syntaxError(parser.pointee)
                    finished = true
                    break
                }
                batch.events.append(event)
                if event.type == YAML_STREAM_END_EVENT {
                    finished = true
                    break
                }
            }
            lock.wait()
            queue.append(batch)
            lock.signal()
            ready.signal()
            if finished { return }
        }
    }

    private static func syntaxError(_ parser: yaml_parser_t) -> SyntaxError {
        var message = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        if let context = parser.context.map({ String(cString: $0) }) { message += " " + context }
        return SyntaxError(message: message, line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1)
    }
}
