// What generated code imports. Generated clients and servers speak swift-openapi-runtime's
// transports and middlewares, through their public API only, and HTTPTypes' requests and
// responses; both are re-exported so a generated module needs one import.
@_exported import Foundation
@_exported import HTTPTypes
@_exported import OpenAPIRuntime
