import APIModel

/// Spreads units of code over files, as the layout says, and wraps declarations in the
/// namespace when there is one.
struct FileLayout {
    let options: SwiftOptions

    /// A named group of units: the main file (`Client`, `Server`), a tag, or a type.
    struct Group: Sendable {
        var name: String
        var units: [CodeUnit]
    }

    /// How many shared types go in one `Types` file: enough to keep the file count low (files
    /// are what a build system and a file system pay for), few enough to compile in parallel.
    static let typesPerFile = 100

    /// The most lines a file gets before the rest of its declarations go to a file of their
    /// own (`DisputesOperations2.swift`). A debug build hands each core a share of the files,
    /// not of the lines: a module whose types all belong to one tag (PayPal's disputes, 10,000
    /// lines in one file) compiled on one core while the other waited.
    static let linesPerFile = 2_000

    /// Files for the main group, the per-tag groups and the model's types.
    func files(main: Group, operations: [Group], types: DeclaredTypes) -> [OutputFile] {
        switch options.layout {
        case .split:
            // A type only one tag needs lives in that tag's file; the rest are shared.
            let position = Dictionary(operations.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
            var owned = [[CodeUnit]](repeating: [], count: operations.count)
            var shared: [Group] = []
            for type in types.groups {
                if let owner = types.owners[type.name].flatMap({ position[$0] }) { owned[owner] += type.units } else { shared.append(type) }
            }
            var contents = [(stem: main.name, units: main.units, reexport: true)]
            contents += operations.enumerated().map { ($1.name, $1.units + owned[$0], false) }
            for start in stride(from: 0, to: shared.count, by: Self.typesPerFile) {
                let number = start / Self.typesPerFile + 1
                let chunk = shared[start..<min(start + Self.typesPerFile, shared.count)]
                contents.append((number == 1 ? "Types" : "Types\(number)", chunk.flatMap(\.units), false))
            }
            var taken = Set(contents.map(\.stem))
            let pieces = contents.flatMap { content in
                Self.parts(content.units).enumerated().map { index, units in
                    var stem = content.stem
                    if index > 0 {
                        var number = index + 1
                        while !taken.insert("\(content.stem)\(number)").inserted { number += 1 }
                        stem = "\(content.stem)\(number)"
                    }
                    return (path: stem + ".swift", units: units, reexport: content.reexport && index == 0)
                }
            }
            return Parallel.map(pieces) { file($0.path, $0.units, reexport: $0.reexport) }
        case let .fixed(prefix, shards):
            var files = [file("\(prefix).\(main.name).swift", main.units + operations.flatMap(\.units), reexport: true)]
            guard options.emitsTypes else { return files }
            let count = max(1, shards)
            for shard in 0..<count {
                // Round-robin keeps the shards even, and a type's shard stable while the order
                // of types is.
                var units = types.groups.enumerated().filter { $0.offset % count == shard }.flatMap(\.element.units)
                if shard == 0, let namespace = options.namespace { units.insert(namespaceDeclaration(namespace), at: 0) }
                files.append(file("\(prefix).Types\(shard + 1).swift", units))
            }
            return files
        }
    }

    /// A file's units cut into runs of at most ``linesPerFile`` lines (a longer unit alone).
    static func parts(_ units: [CodeUnit]) -> [[CodeUnit]] {
        var parts: [[CodeUnit]] = [[]]
        var lines = 0
        for unit in units {
            let count = unit.text.utf8.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            if lines > 0, lines + count > linesPerFile {
                parts.append([])
                lines = 0
            }
            parts[parts.count - 1].append(unit)
            lines += count
        }
        return parts
    }

    /// `public enum Petstore {}`: what the namespace is.
    private func namespaceDeclaration(_ namespace: String) -> CodeUnit {
        let writer = CodeWriter()
        writer.line("/// The declarations generated from \(options.specName).")
        writer.line("\(options.modifier)enum \(namespace) {}")
        return CodeUnit(text: writer.text, isDeclaration: false)
    }

    private func file(_ path: String, _ units: [CodeUnit], reexport: Bool = false) -> OutputFile {
        let writer = CodeWriter()
        FileHeader.write(writer, options: options, reexport: reexport)
        var text = writer.text
        var index = 0
        var pieces: [String] = []
        while index < units.count {
            if units[index].isDeclaration, let namespace = options.namespace {
                var run: [String] = []
                while index < units.count, units[index].isDeclaration {
                    run.append(units[index].text)
                    index += 1
                }
                pieces.append("extension \(namespace) {\n" + run.joined(separator: "\n") + "}\n")
            } else {
                pieces.append(units[index].text)
                index += 1
            }
        }
        text += pieces.joined(separator: "\n")
        return OutputFile(path: path, contents: text)
    }
}
