import APIModel

/// What changed between two versions of an API, and what it means for a package that ships the
/// generated Swift.
public struct DiffReport: Sendable {
    /// The old document's title and version (`Quay 3.15`).
    public var oldTitle: String
    /// The new document's title and version.
    public var newTitle: String
    /// The old and new document paths, as given.
    public var oldPath: String
    public var newPath: String
    /// Every finding: errors first, then warnings, then notes, each in document order.
    public var findings: [DiffFinding]

    /// The semantic-version bump a package that ships the generated code should make.
    public enum Bump: String, Sendable, Codable {
        /// Nothing changed that code or clients can notice.
        case none
        /// Docs only.
        case patch
        /// Additions, compatible on the wire and in Swift.
        case minor
        /// A wire-breaking change, or Swift code that stops compiling.
        case major
    }

    /// How many findings have each level.
    public func count(_ level: DiffRule.Level) -> Int { findings.filter { $0.level == level }.count }

    /// Whether any finding breaks clients on the wire (an error).
    public var hasBreakingChanges: Bool { findings.contains { $0.level == .error } }

    /// The findings that make Swift code stop compiling, for callers or implementers.
    public var sourceBreaking: [DiffFinding] { findings.filter { $0.swiftImpact != .none } }

    /// Major for errors and for changes that break Swift code; minor for warnings and for
    /// additions; patch for docs; none when nothing changed.
    public var suggestedBump: Bump {
        if findings.isEmpty { return .none }
        if findings.contains(where: { $0.level == .error || $0.swiftImpact != .none }) { return .major }
        if findings.contains(where: { $0.rule != .docsChanged && $0.rule != .operationDeprecated }) { return .minor }
        return .patch
    }

    /// "2 breaking, 1 warning, 5 compatible; Swift: 3 break callers, 1 breaks server
    /// implementations; suggested version bump: major", or "no API changes".
    public var summary: String {
        findings.isEmpty ? "no API changes" : counts + "; suggested version bump: \(suggestedBump.rawValue)"
    }

    /// The summary without the suggested bump.
    public var counts: String {
        if findings.isEmpty { return "no API changes" }
        let callers = findings.filter { $0.swiftImpact.breaksCallers }.count
        let implementers = findings.filter { $0.swiftImpact.breaksImplementers }.count
        var swift: [String] = []
        if callers > 0 { swift.append("\(callers) break\(callers == 1 ? "s" : "") callers") }
        if implementers > 0 { swift.append("\(implementers) break\(implementers == 1 ? "s" : "") server implementations") }
        let levels = "\(count(.error)) breaking, \(count(.warning)) warning\(count(.warning) == 1 ? "" : "s"), \(count(.info)) compatible"
        return levels + "; Swift: " + (swift.isEmpty ? "no source-breaking change" : swift.joined(separator: ", "))
    }
}
