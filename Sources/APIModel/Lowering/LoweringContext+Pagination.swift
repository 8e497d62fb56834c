import APISpec

/// `x-apigen-pagination`, checked against the operation it is on.
extension LoweringContext {
    func pagination(_ operation: Operation, model: OperationModel) -> PaginationModel? {
        guard let ext = operation.extensions["x-apigen-pagination"] else { return nil }
        let pointer = operation.pointer + "/x-apigen-pagination"
        func invalid(_ message: String) -> PaginationModel? {
            error("x-apigen-pagination: \(message)", DiagnosticID.invalidExtension, at: ext.location, pointer: pointer)
            return nil
        }
        let value = ext.value
        guard case .object = value else { return invalid("expected a mapping such as {style: token, param: next_page, field: next_page, items: repositories}") }
        guard let style = value["style"]?.stringValue.flatMap(PaginationModel.Style.init(rawValue:)) else {
            return invalid("'style' must be token or page")
        }
        guard let parameter = value["param"]?.stringValue, let items = value["items"]?.stringValue else {
            return invalid("'param' and 'items' are required")
        }
        guard model.parameters.contains(where: { $0.name == parameter && $0.location == .query }) else {
            return invalid("'\(parameter)' is not a query parameter of \(model.operationId)")
        }
        let limit = value["limit"]?.stringValue
        if let limit, !model.parameters.contains(where: { $0.name == limit && $0.location == .query }) {
            return invalid("'\(limit)' is not a query parameter of \(model.operationId)")
        }
        guard let success = model.success, case .named(let pageName) = success.type.nonNullable,
              let page = declaration(followingAliases: pageName), case .object(let object) = page.kind else {
            return invalid("the success response must be an object schema that holds the items")
        }
        func field(_ name: String) -> Property? { object.properties.first { $0.name == name } }
        guard let itemsProperty = field(items), case .array(let itemType) = itemsProperty.type.nonNullable else {
            return invalid("the response has no array property '\(items)'")
        }
        var token: String?
        var more: String?
        switch style {
        case .token:
            guard let name = value["field"]?.stringValue else { return invalid("token style needs 'field'") }
            guard field(name) != nil else { return invalid("the response has no property '\(name)'") }
            token = name
        case .page:
            guard let name = value["more"]?.stringValue else { return invalid("page style needs 'more'") }
            guard let property = field(name), property.type.nonNullable == .boolean else {
                return invalid("the response has no boolean property '\(name)'")
            }
            more = name
        }
        return PaginationModel(style: style, parameter: parameter, limitParameter: limit, tokenField: token,
                               moreField: more, itemsField: items, pageType: success.type, itemType: itemType)
    }
}
