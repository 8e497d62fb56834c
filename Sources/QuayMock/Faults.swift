import Foundation
import Hummingbird

/// Faults quay-mock injects before a request reaches its handler, to test clients' retries and
/// time limits over real HTTP: error statuses, connections cut mid-answer, and latency. Draws
/// come from one generator seeded with ``seed``, in the order requests arrive, so a run that
/// sends its requests one at a time sees the same faults every time.
public struct FaultPlan: Sendable, Equatable {
    /// One kind of fault.
    public enum Fault: Sendable, Hashable, CustomStringConvertible {
        /// Answer this status (with an `ApiError` body and, for 429 and 503, `Retry-After`).
        case status(Int)
        /// Send the head of an answer, then close the connection: the client sees it cut.
        case reset

        public var description: String {
            switch self {
            case .status(let code): return String(code)
            case .reset: return "reset"
            }
        }
    }

    /// Each fault and the chance it strikes a request, in order; the chances add up to at most 1.
    public var faults: [(fault: Fault, chance: Double)]
    /// The extra time each request takes, drawn evenly from the range; nil for none.
    public var latency: ClosedRange<Duration>?
    /// The generator's seed.
    public var seed: UInt64
    /// The `Retry-After` seconds sent with a 429 or 503 fault; nil sends none.
    public var retryAfter: Int?

    /// A plan.
    public init(faults: [(fault: Fault, chance: Double)] = [], latency: ClosedRange<Duration>? = nil, seed: UInt64 = 1,
                retryAfter: Int? = nil) {
        self.faults = faults
        self.latency = latency
        self.seed = seed
        self.retryAfter = retryAfter
    }

    public static func == (lhs: FaultPlan, rhs: FaultPlan) -> Bool {
        lhs.faults.map(\.fault) == rhs.faults.map(\.fault) && lhs.faults.map(\.chance) == rhs.faults.map(\.chance)
            && lhs.latency == rhs.latency && lhs.seed == rhs.seed && lhs.retryAfter == rhs.retryAfter
    }

    /// Whether the plan does anything.
    public var isEmpty: Bool { faults.isEmpty && latency == nil }

    /// Reads `--faults 429:0.2,503:0.1,reset:0.05`.
    public static func parseFaults(_ text: String) throws -> [(fault: Fault, chance: Double)] {
        var faults: [(fault: Fault, chance: Double)] = []
        for item in text.split(separator: ",") {
            let parts = item.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let chance = Double(parts[1]), (0...1).contains(chance) else {
                throw PlanError("'\(item)' is not FAULT:CHANCE (a status or 'reset', and a chance from 0 to 1), as in 429:0.2")
            }
            if parts[0] == "reset" {
                faults.append((.reset, chance))
            } else if let code = Int(parts[0]), (400...599).contains(code) {
                faults.append((.status(code), chance))
            } else {
                throw PlanError("'\(parts[0])' is neither an error status (400 to 599) nor 'reset'")
            }
        }
        let total = faults.map(\.chance).reduce(0, +)
        guard total <= 1 + 1e-9 else { throw PlanError("the chances add up to \(total), more than 1") }
        return faults
    }

    /// Reads `--latency 50ms..300ms` (or `1s`, `20ms`: one value).
    public static func parseLatency(_ text: String) throws -> ClosedRange<Duration> {
        let bounds = text.components(separatedBy: "..")
        guard bounds.count <= 2, let low = duration(bounds[0]), let high = duration(bounds.last!), low <= high else {
            throw PlanError("'\(text)' is not a duration or a range of them, as in 50ms..300ms")
        }
        return low...high
    }

    private static func duration(_ text: String) -> Duration? {
        if text.hasSuffix("ms"), let value = Double(text.dropLast(2)), value >= 0 { return .milliseconds(Int64(value)) }
        if text.hasSuffix("s"), let value = Double(text.dropLast()), value >= 0 { return .milliseconds(Int64(value * 1000)) }
        return nil
    }

    /// Why a plan could not be read.
    public struct PlanError: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}

/// The faults of one server, and what it counted: every arrival, by method, path, query and
/// body, so a test can tell whether a client sent a write twice.
public final class FaultInjector: @unchecked Sendable {
    /// The plan.
    public let plan: FaultPlan
    private let lock = NSLock()
    private var generator: SplitMix64
    private var arrivals: [String: Int] = [:]
    private var struck: [String: Int] = [:]

    /// An injector following `plan`.
    public init(plan: FaultPlan) {
        self.plan = plan
        generator = SplitMix64(seed: plan.seed)
    }

    /// How often each request arrived (`POST /api/v1/repository {...}`), faulted or not.
    public var arrivalCounts: [String: Int] { lock.withLock { arrivals } }

    /// How often each fault struck (`429`, `reset`).
    public var faultCounts: [String: Int] { lock.withLock { struck } }

    /// Writes (POST and PATCH) that arrived more than once, with their counts.
    public var repeatedWrites: [String: Int] {
        arrivalCounts.filter { ($0.key.hasPrefix("POST ") || $0.key.hasPrefix("PATCH ")) && $0.value > 1 }
    }

    /// Records an arrival and draws its fate: a fault or none, and a latency.
    func arrive(_ key: String) -> (fault: FaultPlan.Fault?, latency: Duration?) {
        lock.withLock {
            arrivals[key, default: 0] += 1
            var draw = generator.nextUnit()
            var fault: FaultPlan.Fault?
            for (candidate, chance) in plan.faults {
                if draw < chance {
                    fault = candidate
                    break
                }
                draw -= chance
            }
            if let fault { struck[fault.description, default: 0] += 1 }
            var latency: Duration?
            if let range = plan.latency {
                latency = range.lowerBound + (range.upperBound - range.lowerBound) * generator.nextUnit()
            }
            return (fault, latency)
        }
    }
}

/// A small, fast generator with a seed (SplitMix64), so fault runs repeat.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<1.
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// Applies a ``FaultInjector``'s plan to every request, and gives every answer an `X-Request-ID`.
struct FaultMiddleware<Context: RequestContext>: RouterMiddleware {
    let injector: FaultInjector?
    let requestIDs: RequestIDs

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let id = requestIDs.next()
        guard let injector else { return tagged(try await next(request, context), id) }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let key = "\(request.method) \(request.uri.path)\(request.uri.query.map { "?" + $0 } ?? "") \(String(buffer: body))"
        let (fault, latency) = injector.arrive(key)
        if let latency { try await Task.sleep(for: latency) }
        switch fault {
        case nil:
            return tagged(try await next(request, context), id)
        case .status(let code)?:
            var headers: HTTPFields = [.contentType: "application/json"]
            if let seconds = injector.plan.retryAfter, code == 429 || code == 503 { headers[.retryAfter] = String(seconds) }
            let status = HTTPResponse.Status(code: code)
            let text = #"{"status":\#(code),"error_message":"quay-mock injected this fault","error_type":"injected_fault"}"#
            return tagged(Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text))), id)
        case .reset?:
            // A head that promises a body, then the connection closed under it.
            return tagged(Response(status: .ok, headers: [.contentType: "application/json", .contentLength: "64"],
                                   body: ResponseBody { _ in throw InjectedReset() }), id)
        }
    }

    private func tagged(_ response: Response, _ id: String) -> Response {
        var response = response
        response.headers[.init("X-Request-ID")!] = id
        return response
    }

    private struct InjectedReset: Error {}
}

/// Request ids: `qm-1`, `qm-2`, ... in arrival order.
final class RequestIDs: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func next() -> String {
        lock.withLock {
            count += 1
            return "qm-\(count)"
        }
    }
}
