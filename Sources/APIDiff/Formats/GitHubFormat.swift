/// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), one per
/// finding, and the summary as a notice.
enum GitHubFormat {
    static func render(_ report: DiffReport) -> String {
        var out = ""
        for finding in report.findings {
            let command = finding.level == .info ? "notice" : finding.level.diagnosticWord
            var properties: [String] = []
            if let location = finding.location {
                properties += ["file=\(property(location.file))", "line=\(location.line)", "col=\(location.column)"]
            }
            properties.append("title=\(property(finding.rule.id))")
            out += "::\(command) \(properties.joined(separator: ","))::\(message(finding.message + " (Swift: \(finding.symbol), \(finding.impactText))"))\n"
        }
        return out + "::notice title=API changes::\(message(report.heading + ": " + report.summary))\n"
    }

    /// A message, with what ends a command escaped.
    private static func message(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    /// A property value: a message's escapes, and `:` and `,`.
    private static func property(_ text: String) -> String {
        message(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
