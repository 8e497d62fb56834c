import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Work spread over the machine's cores, results in input order. For independent, CPU-bound
/// steps: parts of the document parsed by forked parsers, the emitters, which only read the
/// model, and the files within one emitter.
public enum Parallel {
    /// The cores work can be spread over.
    public static let cores: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// `transform` applied to every element, concurrently; the results keep the input's order.
    /// Runs inline when there is one element or none.
    public static func map<Element: Sendable, Value: Sendable>(_ elements: [Element],
                                                        _ transform: @escaping @Sendable (Element) -> Value) -> [Value] {
        guard elements.count > 1 else { return elements.map(transform) }
        let slots = Slots<Value>(count: elements.count)
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            slots.buffer[index] = transform(elements[index])
        }
        // concurrentPerform returns once every iteration has run, so every slot is filled.
        return slots.buffer.map { $0! }
    }

    /// A value handed to another thread by a sender that no longer touches it (a forked
    /// parser, owned by one iteration at a time).
    struct Handoff<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// One slot per result. Each iteration writes its own slot and nothing else, and the
    /// slots are read only after all iterations have finished: no two threads touch one slot.
    private final class Slots<Value>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Value?>

        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }

        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }
    }
}
