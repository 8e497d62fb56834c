import APIModel

/// Spreads units of code over files, as the layout says, and wraps declarations in the
/// namespace when there is one.
struct FileLayout {
    let options: SwiftOptions

    /// A named group of units: the main file (`Client`, `Server`), a tag, or a type.
    struct Group {
        var name: String
        var units: [CodeUnit]
    }

    /// Files for the main group, the per-tag groups and the types.
    func files(main: Group, operations: [Group], types: [Group]) -> [OutputFile] {
        switch options.layout {
        case .split:
            var files = [file(main.name + ".swift", main.units, reexport: true)]
            files += operations.map { file("Operations/\($0.name).swift", $0.units) }
            files += types.map { file("Types/\($0.name).swift", $0.units) }
            return files
        case let .fixed(prefix, shards):
            var files = [file("\(prefix).\(main.name).swift", main.units + operations.flatMap(\.units), reexport: true)]
            guard options.emitsTypes else { return files }
            let count = max(1, shards)
            for shard in 0..<count {
                // Round-robin keeps the shards even, and a type's shard stable while the order
                // of types is.
                var units = types.enumerated().filter { $0.offset % count == shard }.flatMap(\.element.units)
                if shard == 0, let namespace = options.namespace { units.insert(namespaceDeclaration(namespace), at: 0) }
                files.append(file("\(prefix).Types\(shard + 1).swift", units))
            }
            return files
        }
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
