import APISpec

/// Work spread over the machine's cores: the one implementation lives beside the parser, its
/// first user; emitters know it by this name, through the model.
public typealias Parallel = APISpec.Parallel
