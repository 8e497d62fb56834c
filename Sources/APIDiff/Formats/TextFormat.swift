/// `file:line:column: error: message [rule-id]`, then the Swift symbol indented under it; a
/// summary line last.
enum TextFormat {
    static func render(_ report: DiffReport) -> String {
        var out = ""
        for finding in report.findings {
            let place = finding.location.map { "\($0.file):\($0.line):\($0.column)" } ?? finding.file(in: report)
            out += "\(place): \(finding.level.diagnosticWord): \(finding.message) [\(finding.rule.id)]\n"
            out += "    swift: \(finding.symbol) (\(finding.impactText))\n"
        }
        return out + "\(report.heading): \(report.summary)\n"
    }
}
