import AchykContent
import AchykModel
import ArgumentParser
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the files of a new case study, partnership record or budget year, with every key explained.",
        discussion: """
            Examples:
              achyk new case-study 26-new-village      handbook/26-new-village.{ky,ru,en}.md, as drafts
              achyk new partnership insan-leilek       partnerships/insan-leilek.yaml
              achyk new budget kochkor 2026             budgets/kochkor/2026.csv, and municipality.yaml if missing
            """,
        subcommands: [NewCaseStudy.self, NewPartnership.self, NewBudget.self])
}

struct NewCaseStudy: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "case-study", abstract: "Create handbook/NN-slug.<lang>.md in each language.")

    @Argument(help: "The file name without language and .md: its number, a hyphen and a slug (26-new-village).")
    var name: String

    @Option(help: "The content folder.")
    var content: String = "Content"

    func run() throws {
        let folder = URL(fileURLWithPath: content)
        let languages = Scaffold.languages(ofContentFolder: folder)
        try writeScaffold(into: folder) { () throws(Scaffold.Failure) in try Scaffold.caseStudy(name, languages: languages) }
    }
}

struct NewPartnership: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "partnership", abstract: "Create partnerships/ID.yaml.")

    @Argument(help: "The record's id: lowercase letters a-z, digits and hyphens (insan-leilek).")
    var id: String

    @Option(help: "The content folder.")
    var content: String = "Content"

    func run() throws {
        try writeScaffold(into: URL(fileURLWithPath: content)) { () throws(Scaffold.Failure) in [try Scaffold.partnership(id)] }
    }
}

struct NewBudget: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget", abstract: "Create budgets/MUNICIPALITY/YEAR.csv to fill in, and municipality.yaml when missing.")

    @Argument(help: "The municipality's id, its folder under budgets/ (kochkor).")
    var municipality: String

    @Argument(help: "The budget year (2026).")
    var year: Int

    @Option(help: "The content folder.")
    var content: String = "Content"

    func run() throws {
        let folder = URL(fileURLWithPath: content)
        try writeScaffold(into: folder) { () throws(Scaffold.Failure) in try Scaffold.budget(municipality, year: year, in: folder) }
    }
}

/// Makes the files and writes them under the content folder, with one line per file written.
private func writeScaffold(into folder: URL, _ make: () throws(Scaffold.Failure) -> [(path: String, text: String)]) throws {
    do {
        for path in try Scaffold.write(try make(), into: folder) {
            print("Created \(folder.appendingPathComponent(path).relativePath)")
        }
        print("Fill it in, then run `achyk check` to see what is still missing.")
    } catch let failure as Scaffold.Failure {
        throw ValidationError(failure.description)
    }
}
