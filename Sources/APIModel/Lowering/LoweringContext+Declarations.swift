import APISpec

/// Declaring named types, and finding them again.
extension LoweringContext {
    /// Where an inline schema sits, for naming the type it may need.
    struct Place {
        /// The type name to claim if a type is needed (`PetOwner`). Made on demand: most
        /// places never need a type of their own, and making a name is not free.
        var candidate: String { (joined.map { SwiftName.type(joining: $0.owner, $0.name) } ?? given) + suffix }
        /// Where the schema is, for people (`Pet.owner`).
        var origin: String
        /// The property or parameter name the schema belongs to, if any: identical enums of the
        /// same name share one type.
        var leaf: String?
        private var given = ""
        private var joined: (owner: String, name: String)?
        private var suffix = ""

        /// A place whose type, if it needs one, is called `candidate`.
        init(candidate: String, origin: String, leaf: String? = nil) {
            self.given = candidate
            self.origin = origin
            self.leaf = leaf
        }

        /// A place whose type, if it needs one, is named after `owner` and `name` (`PetOwner`).
        init(joining owner: String, _ name: String, origin: String, leaf: String? = nil) {
            self.joined = (owner, name)
            self.origin = origin
            self.leaf = leaf
        }

        /// The place of a property of the type made here.
        func property(_ name: String, ofType owner: String) -> Place {
            Place(joining: owner, name, origin: "\(origin).\(name)", leaf: name)
        }

        /// The place of this schema's array items.
        var item: Place {
            var item = self
            item.suffix += "Item"
            item.origin += "[]"
            return item
        }
    }

    /// Adds a declared type: under its schema's key for named schemas, otherwise in the inline list.
    func declare(_ type: NamedType, for key: SchemaKey?) {
        if let key {
            namedDeclarations[key] = type
        } else {
            inlineDeclarations.append(type)
        }
        declaredByName[type.name] = type
    }

    /// Declares a struct, enum or union made from `schema`.
    func declare(_ kind: NamedType.Kind, named name: String, from schema: Schema, place: Place, key: SchemaKey?) {
        declare(NamedType(name: name, specName: place.origin, origin: origin(key), title: schema.title,
                          description: schema.description, deprecated: schema.deprecated, kind: kind,
                          examples: schema.examples, extensions: schema.extensions.map(ExtensionModel.init(_:)),
                          location: schema.location), for: key)
    }

    /// Where a declared type comes from: a component (or a schema one stands for), another named
    /// schema, or an inline one (no key).
    func origin(_ key: SchemaKey?) -> NamedType.Origin {
        guard let key else { return .inline }
        return adoptedKeys.contains(key) || document.schema(key)?.isComponent == true ? .component : .referenced
    }

    /// The Swift name a schema key was given.
    func typeName(_ key: SchemaKey) -> String? { nameByKey[key] }

    /// The declaration a name refers to, following aliases to what they stand for, and lowering
    /// named schemas on the way if they are not lowered yet.
    func declaration(followingAliases name: String) -> NamedType? {
        var seen: Set<String> = [name]
        var current = declared(name)
        while let type = current, case .alias(.named(let next)) = type.kind, seen.insert(next).inserted {
            current = declared(next)
        }
        return current
    }

    /// The names an alias chain passes through, after `name` itself (without lowering anything).
    func aliasChain(from name: String) -> [String] {
        var chain: [String] = []
        var seen: Set<String> = [name]
        var current = declaredByName[name]
        while let type = current, case .alias(.named(let next)) = type.kind, seen.insert(next).inserted {
            chain.append(next)
            current = declaredByName[next]
        }
        return chain
    }

    private func declared(_ name: String) -> NamedType? {
        if declaredByName[name] == nil, let key = keyByName[name] { lowerNamed(key) }
        return declaredByName[name]
    }

    /// All declarations: named schemas in document order, then inline types in the order met.
    var allDeclarations: [NamedType] {
        document.schemas.compactMap { namedDeclarations[$0.key] } + inlineDeclarations
    }

    /// Drops types no kept operation needs (after a filter), following references transitively.
    func pruneTypes(keeping operations: [OperationModel]) {
        let needed = TypeGraph(allDeclarations).closure(of: operations.flatMap(\.directlyUsedTypes))
        namedDeclarations = namedDeclarations.filter { needed.contains($0.value.name) }
        inlineDeclarations = inlineDeclarations.filter { needed.contains($0.name) }
    }
}

extension ExtensionModel {
    /// The model's copy of a spec extension.
    init(_ vendor: VendorExtension) {
        self.init(name: vendor.name, value: vendor.value)
    }
}
