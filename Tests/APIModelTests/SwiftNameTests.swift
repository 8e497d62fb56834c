import APIModel
import Testing

/// The naming authority: every place a name appears, and the awkward inputs real specs contain.
@Suite struct SwiftNameTests {
    @Test(arguments: [
        ("listRepoTags", "listRepoTags"),
        ("list_repo_tags", "listRepoTags"),
        ("list-repo-tags", "listRepoTags"),
        ("List Repo Tags", "listRepoTags"),
        ("get-user.profile", "getUserProfile"),
        ("List_All_Things", "listAllThings"),
        ("POSTItem", "postItem"),
        ("HTTPServer", "httpServer"),
        ("getURLForID", "getURLForID"),
        ("onlyActiveTags", "onlyActiveTags"),
        ("NUMBER_OF_TAGS", "numberOfTags"),
        ("2fa.verify", "_2faVerify"),
        ("page[size]", "pageSize"),
        ("filter.name", "filterName"),
        ("$count", "count"),
        ("@type", "type"),
        ("+1", "plus1"),
        ("-1", "minus1"),
        ("", "empty"),
        ("*", "asterisk"),
        ("self", "_self"),
        ("Type", "type"),
        ("init", "_init"),
        ("café_au_lait", "caféAuLait"),
        ("heart_eyes", "heartEyes"),
        ("event_id", "eventID"),
        ("policy_uuid", "policyUUID"),
        ("eventId", "eventId"),
        ("user_ids", "userIDs"),
        ("url", "url"),
        ("X-Request-ID", "xRequestID"),
    ])
    func member(_ raw: String, _ expected: String) {
        #expect(SwiftName.member(raw) == expected)
    }

    @Test(arguments: [
        ("pet", "Pet"),
        ("user-profile", "UserProfile"),
        ("url_list", "URLList"),
        ("api_error", "APIError"),
        ("ApiError", "ApiError"),
        ("HTTPServer", "HTTPServer"),
        ("2fa_settings", "_2faSettings"),
        ("Error", "ErrorModel"),
        ("Type", "TypeModel"),
        ("Data", "DataModel"),
        ("class", "Class"),
        ("default", "Default"),
        ("Self", "SelfModel"),
        ("repo kind", "RepoKind"),
    ])
    func type(_ raw: String, _ expected: String) {
        #expect(SwiftName.type(raw) == expected)
    }

    @Test func joiningReadsThePartsAsOneName() {
        #expect(SwiftName.type(joining: "NewOrgQuotaLimit", "type") == "NewOrgQuotaLimitType")
        #expect(SwiftName.type(joining: "error", "Operations") == "ErrorOperations")
        #expect(SwiftName.type(joining: "ListRepos", "repo_kind") == "ListReposRepoKind")
    }

    @Test(arguments: [
        ("class", "`class`"),
        ("default", "`default`"),
        ("for", "`for`"),
        ("public", "`public`"),
        ("true", "`true`"),
        ("repository", "repository"),
        ("_self", "_self"),
    ])
    func escaping(_ identifier: String, _ expected: String) {
        #expect(SwiftName.escaped(identifier) == expected)
    }

    @Test func enumCasesAndLabelsSpellLikeMembers() {
        #expect(SwiftName.enumCase("in-progress") == "inProgress")
        #expect(SwiftName.enumCase("number_of_tags") == "numberOfTags")
        #expect(SwiftName.argumentLabel("next_page") == "nextPage")
    }

    @Test func scopesMakeNamesUniqueIgnoringCaseInClaimOrder() {
        var scope = NameScope(reserved: ["unknown"])
        #expect(scope.claim("Pet") == "Pet")
        #expect(scope.claim("pet") == "pet2")
        #expect(scope.claim("PET") == "PET3")
        #expect(scope.claim("unknown") == "unknown2")
        #expect(scope.claim("Pet2") == "Pet22")
        #expect(scope.isTaken("pet3"))
    }

    @Test func collidingEnumValuesGetDistinctCases() {
        var scope = NameScope()
        let names = ["in-progress", "in_progress", "InProgress"].map { scope.claim(SwiftName.enumCase($0)) }
        #expect(names == ["inProgress", "inProgress2", "inProgress3"])
    }
}
