/// A kind of change `apigen diff` reports: its id, how much it matters on the wire, and what it
/// does to the generated Swift.
public struct DiffRule: Sendable, Hashable, Codable {
    /// The id printed in brackets (`operation-removed`).
    public var id: String
    /// How much the change matters to what already runs against the API.
    public var level: Level
    /// Which Swift code stops compiling when the package is regenerated.
    public var swiftImpact: SwiftImpact
    /// What changed, in a few words (for the rules table).
    public var summary: String
    /// What the change does to the generated Swift (for the rules table).
    public var swiftConsequence: String
    /// The oasdiff checks that report the same change, when there are some.
    public var oasdiff: [String]

    /// How much a change matters on the wire.
    public enum Level: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
        /// Compatible: additions, widened inputs, docs.
        case info
        /// Breaks servers that implement the API (handlers must change), or may break clients.
        case warning
        /// Breaks clients: a request that worked is refused, or a response no longer decodes.
        case error

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
    }

    /// Whose Swift code a change breaks at compile time once the code is regenerated.
    public enum SwiftImpact: String, Sendable, Hashable, Codable, CaseIterable {
        /// Nobody's: the Swift API is the same (a wire or docs change).
        case none
        /// Code that calls the client.
        case callers
        /// Code that implements the server protocol.
        case implementers
        /// Both.
        case both

        /// Whether code that calls the client breaks.
        public var breaksCallers: Bool { self == .callers || self == .both }
        /// Whether code that implements the server protocol breaks.
        public var breaksImplementers: Bool { self == .implementers || self == .both }

        /// The impact of two changes to one symbol.
        public func union(_ other: SwiftImpact) -> SwiftImpact {
            let callers = breaksCallers || other.breaksCallers
            let implementers = breaksImplementers || other.breaksImplementers
            return callers && implementers ? .both : callers ? .callers : implementers ? .implementers : .none
        }
    }

    init(_ id: String, _ level: Level, _ swiftImpact: SwiftImpact, _ summary: String, swift: String, oasdiff: [String] = []) {
        self.id = id
        self.level = level
        self.swiftImpact = swiftImpact
        self.summary = summary
        self.swiftConsequence = swift
        self.oasdiff = oasdiff
    }
}
