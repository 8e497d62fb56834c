import GreeterAPI

/// The server side: GreeterAPI, generated from openapi.yaml; only what it needs is implemented.
actor GreeterService: GreeterAPI {
    private var greeted: [Greeting] = []

    func greet(_ input: Greet.Input) async throws -> Greet.Output {
        guard !input.name.isEmpty else { throw HTTPProblem.badRequest("a name is required") }
        let message = input.style == .excited ? "Hello, \(input.name)!" : "Hello, \(input.name)."
        let greeting = Greeting(name: input.name, message: message)
        greeted.append(greeting)
        return .ok(greeting)
    }

    func listGreetings(_ input: ListGreetings.Input) async throws -> ListGreetings.Output {
        .ok(greeted)
    }
}

let transport = LocalTransport()
try GreeterService().registerHandlers(on: transport)

// The client side: Greeter, generated from the same document.
let greeter = Greeter(serverURL: URL(string: "https://greeter.example.com")!, transport: transport)
print(try await greeter.greetings.greet(name: "Ada", style: .excited).message)
print(try await greeter.greetings.greet(name: "Grace Hopper").message)
print(try await greeter.greetings.listGreetings().map(\.name).joined(separator: ", "))
do {
    _ = try await greeter.greetings.greet(name: "Ada", style: .unknown("shouty"))
} catch let error as ResponseError {
    print("refused: HTTP \(error.status.code): \(error.problem?.detail ?? "?")")
}

// A second document in the same target lives in its own namespace: Weather.Client.
struct SunnyWeather: Weather.Server {
    func forecast(_ input: Weather.Forecast.Input) async throws -> Weather.Forecast.Output {
        .ok(Weather.ForecastResponse(city: input.city, summary: "sunny", highCelsius: 24.5))
    }
}
let weatherTransport = LocalTransport()
try SunnyWeather().registerHandlers(on: weatherTransport)
let weather = Weather.Client(serverURL: URL(string: "https://weather.example.com")!, transport: weatherTransport)
let forecast = try await weather.forecast(city: "Lisbon")
print("\(forecast.city): \(forecast.summary), \(forecast.highCelsius ?? 0)°C")
