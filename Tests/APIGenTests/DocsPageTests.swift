import APIGenCore
import APIModel
@testable import DocsEmitter
import Testing

/// The HTML page of a large API stays light: what it leaves out or writes once, checked on a
/// spec made here (401 operations in three tags, each answering a shared type, and a shared
/// error response under 404 and `default`).
@Suite struct DocsPageTests {
    static let operations = 401

    /// The spec: `GET /things{i}` for each i, tagged `t0`, `t1` or `t2`.
    static var spec: String {
        var yaml = """
            openapi: 3.1.0
            info: {title: Large, version: 1.0.0}
            paths:

            """
        for index in 0..<operations {
            yaml += """
                  /things\(index):
                    get:
                      tags: [t\(index % 3)]
                      operationId: getThing\(index)
                      summary: Get thing \(index).
                      responses:
                        '200':
                          description: The thing.
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Thing'}
                        '404': {$ref: '#/components/responses/Error'}
                        default: {$ref: '#/components/responses/Error'}

                """
        }
        yaml += """
            components:
              responses:
                Error:
                  description: An error.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Problem'}
              schemas:
                Thing:
                  type: object
                  properties:
                    name: {type: string}
                    problem: {$ref: '#/components/schemas/Problem'}
                Problem:
                  type: object
                  properties:
                    code: {type: integer}

            """
        return yaml
    }

    static let page: String? = {
        let yaml = Array(spec.utf8)
        guard let model = SpecPipeline.load("large.yaml", readFile: { _ in yaml }).model else { return nil }
        return DocsEmitter.emit(model, formats: [.html], specName: "large.yaml").files.first { $0.path == "index.html" }?.contents
    }()

    /// The part of the page from one marker to the next.
    private func part(_ page: String, from start: String, to end: String) throws -> Substring {
        let from = try #require(page.firstRange(of: start))
        let to = try #require(page[from.upperBound...].firstRange(of: end))
        return page[from.lowerBound..<to.lowerBound]
    }

    @Test func responsesThatReadTheSameAreOne() throws {
        let page = try #require(Self.page)
        let operation = try part(page, from: "<section class=\"op\" id=\"getThing7\">", to: "</section>")
        #expect(operation.components(separatedBy: "<div class=\"response").count == 3, "200, and 404 with default")
        #expect(operation.contains(#"<p><span class="status s4xx">404</span> <span class="status sdefault">default</span> An error.</p>"#))
        #expect(operation.contains(#"<div class="response open"><p><span class="status s2xx">200</span> The thing.</p>"#))
    }

    @Test func aLargeAPIsOverviewListsGroupsAndItsNavigationStartsClosed() throws {
        let page = try #require(Self.page)
        let overview = try part(page, from: "<section class=\"overview\"", to: "</section>")
        #expect(overview.contains("401 operations in 3 groups"))
        #expect(!overview.contains("<table"), "no table of every operation")
        let navigation = try part(page, from: "<nav ", to: "</nav>")
        #expect(!navigation.contains("<details class=\"nav-group\" open>"))
    }

    @Test func aTypeUsedByManyOperationsListsTheirGroups() throws {
        let page = try #require(Self.page)
        let thing = try part(page, from: "<section class=\"type-view\" id=\"model-Thing\">", to: "</section>")
        #expect(thing.contains("<li>401 operations, by group:</li>"))
        #expect(thing.contains(##"<li>134 operations in <a href="#tag-t0">t0</a></li>"##))
        #expect(!thing.contains("getThing"), "no line per operation")
        let problem = try part(page, from: "<section class=\"type-view\" id=\"model-Problem\">", to: "</section>")
        #expect(problem.contains(##"<li>a field of <a href="#model-Thing"><code>Thing</code></a></li>"##))
    }

    /// Folds are marked, not written: the script adds them as a section comes into view.
    @Test func foldsAndTabsAreLeftToTheScript() throws {
        let page = try #require(Self.page)
        let operation = try part(page, from: "<section class=\"op\" id=\"getThing7\">", to: "</section>")
        #expect(!operation.contains("<details"))
        #expect(!operation.contains("role=\"tab"))
        #expect(operation.contains(##"<p class="schema-type" data-unfold data-open><code class="type"><a href="#model-Thing">Thing</a></code></p>"##))
        #expect(operation.contains(#"<div class="ex" data-lang="curl"><p>curl</p>"#))
    }

    /// The search index: tags and field types written once, parameters inside their operation.
    @Test func theSearchIndexIsCompact() throws {
        let page = try #require(Self.page)
        let index = try part(page, from: "<script type=\"application/json\" id=\"apigen-index\">", to: "</script>")
        #expect(index.contains(#"{"tags":["t0","t1","t2"],"#))
        #expect(index.contains(#"["getThing4","GET","/things4","Get thing 4",1,[]]"#))
        #expect(index.contains(#"["Thing","object","",["name",0,"problem",1]]"#))
        #expect(index.contains(#""fieldTypes":["string","Problem","integer"]"#))
    }
}
