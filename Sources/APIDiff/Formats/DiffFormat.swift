import APIModel

/// The forms a report is printed in.
public enum DiffFormat: String, Sendable, CaseIterable {
    /// `file:line:column: error: message [rule-id]`, for terminals and editors.
    case text
    /// A changelog section grouped by tag, for a pull request.
    case markdown
    /// A stable JSON document (see `Docs/apigen-diff.md`).
    case json
    /// GitHub Actions workflow commands, which annotate the changed lines.
    case github

    /// The file name extension of a report in this form.
    public var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .markdown: return "md"
        case .json: return "json"
        case .github: return "github.txt"
        }
    }
}

extension DiffReport {
    /// The report in `format`, ending with a newline.
    public func rendered(as format: DiffFormat) -> String {
        switch format {
        case .text: return TextFormat.render(self)
        case .markdown: return MarkdownFormat.render(self)
        case .json: return JSONFormat.render(self)
        case .github: return GitHubFormat.render(self)
        }
    }

    /// "Quay 3.14 → Quay 3.15", or the paths when titles and versions are the same.
    var heading: String {
        oldTitle == newTitle ? "\(oldPath) → \(newPath)" : "\(oldTitle) → \(newTitle)"
    }
}

extension DiffFinding {
    /// The file this finding points into: its location's, else the document it concerns.
    func file(in report: DiffReport) -> String {
        location?.file ?? (isInOldDocument ? report.oldPath : report.newPath)
    }

    /// "breaks callers", "breaks server implementations", "breaks callers and server
    /// implementations", "no Swift code breaks".
    var impactText: String {
        switch swiftImpact {
        case .none: return "no Swift code breaks"
        case .callers: return "breaks callers"
        case .implementers: return "breaks server implementations"
        case .both: return "breaks callers and server implementations"
        }
    }
}

extension DiffRule.Level {
    /// The word compilers use: `error`, `warning`, `note`.
    var diagnosticWord: String {
        switch self {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }
}
