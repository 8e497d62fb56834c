/// How bad a problem is.
public enum Severity: String, Sendable, Codable, Comparable {
    /// A feature apigen does not support, or a doubtful construct; generation goes on.
    case warning
    /// The document is wrong; nothing is generated from it.
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One problem found in a spec, a config file or the model built from them.
///
/// Rendered by ``DiagnosticRenderer`` as
/// `file:line:column: severity: message [id] at json-pointer`, then the source line and a caret.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// Error or warning.
    public var severity: Severity
    /// What is wrong, in one sentence without a trailing period.
    public var message: String
    /// A stable kebab-case identifier for the kind of problem, such as `unknown-ref`.
    public var id: String
    /// Where the problem is, when it is in a file.
    public var location: SourceLocation?
    /// The JSON pointer of the offending node (`#/paths/~1pets/get`), when there is one.
    public var pointer: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, id: String,
                at location: SourceLocation?, pointer: String? = nil) {
        self.severity = severity
        self.message = message
        self.id = id
        self.location = location
        self.pointer = pointer
    }

    /// The first line of the rendered form, without the source excerpt.
    public var headline: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message) [\(id)]"
        if let pointer { text += " at \(pointer)" }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// Whether any of these is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// The same diagnostics with exact repeats removed, in their first order.
    public func uniqued() -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return filter { seen.insert($0).inserted }
    }

    /// Sorted by file, line and column, so output reads top to bottom; stable for equal places.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let l = a.element.location, r = b.element.location
            switch (l, r) {
            case let (l?, r?):
                if l.file != r.file { return l.file < r.file }
                if l.line != r.line { return l.line < r.line }
                if l.column != r.column { return l.column < r.column }
                return a.offset < b.offset
            case (nil, _?): return false
            case (_?, nil): return true
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }
}
