/// A unified diff of two texts, made in process (Myers' algorithm), for golden mismatches.
enum UnifiedDiff {
    /// `--- expected` / `+++ actual` and hunks with three lines of context; empty when equal.
    static func make(expected: String, actual: String, expectedName: String, actualName: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let edits = script(old, new)
        guard edits.contains(where: { $0.kind != .same }) else { return "" }
        var out = "--- \(expectedName)\n+++ \(actualName)\n"
        let context = 3
        var index = 0
        while index < edits.count {
            guard edits[index].kind != .same else { index += 1; continue }
            var start = index
            var back = 0
            while start > 0, back < context, edits[start - 1].kind == .same { start -= 1; back += 1 }
            var end = index
            var quiet = 0
            while end < edits.count {
                if edits[end].kind == .same {
                    quiet += 1
                    if quiet > context * 2 { break }
                } else {
                    quiet = 0
                }
                end += 1
            }
            end = min(edits.count, end - max(0, quiet - context))
            let hunk = edits[start..<end]
            let oldStart = (hunk.first { $0.kind != .insert }?.oldLine ?? 0) + 1
            let newStart = (hunk.first { $0.kind != .delete }?.newLine ?? 0) + 1
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for edit in hunk {
                switch edit.kind {
                case .same: out += " " + old[edit.oldLine] + "\n"
                case .delete: out += "-" + old[edit.oldLine] + "\n"
                case .insert: out += "+" + new[edit.newLine] + "\n"
                }
            }
            index = end
        }
        return out
    }

    struct Edit {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var oldLine: Int
        var newLine: Int
    }

    /// The shortest edit script from `a` to `b`.
    static func script(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count, m = b.count
        let maxD = n + m
        var v = Array(repeating: 0, count: 2 * maxD + 2)
        var trace: [[Int]] = []
        outer: for d in 0...maxD {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[k - 1 + maxD] < v[k + 1 + maxD]) {
                    x = v[k + 1 + maxD]
                } else {
                    x = v[k - 1 + maxD] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[k + maxD] = x
                if x >= n, y >= m { break outer }
            }
        }
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && v[k - 1 + maxD] < v[k + 1 + maxD])) ? k + 1 : k - 1
            let previousX = v[previousK + maxD]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1; y -= 1
                edits.append(Edit(kind: .same, oldLine: x, newLine: y))
            }
            if d > 0 {
                if x == previousX {
                    y -= 1
                    edits.append(Edit(kind: .insert, oldLine: x, newLine: y))
                } else {
                    x -= 1
                    edits.append(Edit(kind: .delete, oldLine: x, newLine: y))
                }
            }
        }
        return edits.reversed()
    }
}
