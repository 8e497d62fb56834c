/// A changelog section for a pull request: the summary and suggested version bump, then one
/// table per tag (then types, then servers), breaking changes first in each.
enum MarkdownFormat {
    static func render(_ report: DiffReport) -> String {
        var out = "## API changes: \(escaped(report.heading))\n\n"
        if report.findings.isEmpty { return out + "No API changes.\n" }
        out += "**Suggested version bump: \(report.suggestedBump.rawValue).** \(escaped(report.counts)).\n"
        for (group, findings) in groups(report.findings) {
            out += "\n### \(escaped(group))\n\n"
            out += "| Level | Change | Swift | Swift impact |\n|---|---|---|---|\n"
            for finding in findings {
                out += "| \(word(finding.level)) | \(escaped(finding.message)) `\(finding.rule.id)` | `\(cell(finding.symbol))` | \(finding.impactText) |\n"
            }
        }
        return out
    }

    /// Findings by tag in the order tags first appear, then other operations, types, servers.
    private static func groups(_ findings: [DiffFinding]) -> [(String, [DiffFinding])] {
        var order: [String] = []
        var byGroup: [String: [DiffFinding]] = [:]
        let trailing = ["Other operations", "Webhooks", "Types", "Servers"]
        for finding in findings {
            let group: String
            if let tag = finding.tag {
                group = tag
            } else if finding.operation?.hasPrefix("webhook ") == true {
                group = "Webhooks"
            } else if finding.operation != nil {
                group = "Other operations"
            } else if finding.rule == .serverRemoved || finding.rule == .serverAdded {
                group = "Servers"
            } else {
                group = "Types"
            }
            if byGroup[group] == nil, !trailing.contains(group) { order.append(group) }
            byGroup[group, default: []].append(finding)
        }
        return (order + trailing).compactMap { group in byGroup[group].map { (group, $0) } }
    }

    private static func word(_ level: DiffRule.Level) -> String {
        switch level {
        case .error: return "**breaking**"
        case .warning: return "warning"
        case .info: return "compatible"
        }
    }

    /// Text for a table cell or heading: Markdown's own characters escaped outside code spans
    /// (the messages quote Swift names in backticks), no line breaks.
    private static func escaped(_ text: String) -> String {
        var out = ""
        var inCode = false
        for character in text {
            switch character {
            case "`": inCode.toggle(); out.append(character)
            case "|": out += "\\|"
            case "*", "_", "[", "]", "<", ">", "#", "\\": out += inCode ? String(character) : "\\" + String(character)
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// Text inside a code span in a table: only the pipe needs escaping.
    private static func cell(_ text: String) -> String {
        text.replacing("|", with: "\\|").replacing("`", with: "'")
    }
}
