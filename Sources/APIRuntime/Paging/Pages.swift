/// Pages of a token-paged operation (`x-apigen-pagination` style `token`): each page carries a
/// token for the next one, until it does not.
///
/// The sequence stops when the token is missing or empty, or when a token comes back that was
/// already used (a server bug that would otherwise loop forever). Cancellation passes through:
/// a cancelled task stops before asking for another page.
public struct TokenPages<Page: Sendable, Item: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Page
    public typealias Fetch = @Sendable (_ token: String?) async throws -> (page: Page, next: String?)

    private let fetch: Fetch
    private let pageItems: @Sendable (Page) -> [Item]

    /// Pages fetched by `fetch`; `items` picks each page's items, for ``items``.
    public init(items: @escaping @Sendable (Page) -> [Item], fetch: @escaping Fetch) {
        self.fetch = fetch
        self.pageItems = items
    }

    public func makeAsyncIterator() -> Iterator { Iterator(fetch: fetch) }

    /// Every item of every page, in order.
    public var items: PageItems<TokenPages, Item> { PageItems(pages: self, items: pageItems) }

    /// Fetches the next page.
    public struct Iterator: AsyncIteratorProtocol {
        let fetch: Fetch
        var token: String?
        var used: Set<String> = []
        var done = false

        init(fetch: @escaping Fetch) { self.fetch = fetch }

        public mutating func next() async throws -> Page? {
            guard !done else { return nil }
            try Task.checkCancellation()
            let (page, next) = try await fetch(token)
            if let next, !next.isEmpty, used.insert(next).inserted {
                token = next
            } else {
                done = true
            }
            return page
        }
    }
}

/// Pages of a numbered-page operation (`x-apigen-pagination` style `page`): pages 1, 2, 3, …
/// while the response says more remain.
///
/// The sequence also stops at a page with no items, so a server that always claims more cannot
/// make it loop forever. Cancellation passes through.
public struct NumberedPages<Page: Sendable, Item: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Page
    public typealias Fetch = @Sendable (_ page: Int) async throws -> (page: Page, more: Bool)

    private let fetch: Fetch
    private let pageItems: @Sendable (Page) -> [Item]

    /// Pages fetched by `fetch`, from page 1; `items` picks each page's items.
    public init(items: @escaping @Sendable (Page) -> [Item], fetch: @escaping Fetch) {
        self.fetch = fetch
        self.pageItems = items
    }

    public func makeAsyncIterator() -> Iterator { Iterator(fetch: fetch, items: pageItems) }

    /// Every item of every page, in order.
    public var items: PageItems<NumberedPages, Item> { PageItems(pages: self, items: pageItems) }

    /// Fetches the next page.
    public struct Iterator: AsyncIteratorProtocol {
        let fetch: Fetch
        let items: @Sendable (Page) -> [Item]
        var number = 1
        var done = false

        public mutating func next() async throws -> Page? {
            guard !done else { return nil }
            try Task.checkCancellation()
            let (page, more) = try await fetch(number)
            number += 1
            if !more || items(page).isEmpty { done = true }
            return page
        }
    }
}

/// The items of a paged sequence, page after page.
public struct PageItems<Pages: AsyncSequence & Sendable, Item: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Item
    private let pages: Pages
    private let extract: @Sendable (Pages.Element) -> [Item]

    init(pages: Pages, items: @escaping @Sendable (Pages.Element) -> [Item]) {
        self.pages = pages
        self.extract = items
    }

    public func makeAsyncIterator() -> Iterator { Iterator(pages: pages.makeAsyncIterator(), extract: extract) }

    /// Yields the items of one page, then fetches the next.
    public struct Iterator: AsyncIteratorProtocol {
        var pages: Pages.AsyncIterator
        let extract: @Sendable (Pages.Element) -> [Item]
        var buffer: [Item] = []

        public mutating func next() async throws -> Item? {
            while buffer.isEmpty {
                guard let page = try await pages.next() else { return nil }
                buffer = extract(page).reversed()
            }
            return buffer.popLast()
        }
    }
}
