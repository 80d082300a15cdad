import AchykModel
import Foundation

/// The files `achyk new` writes: every key of the contract, each with a comment saying what it holds.
public enum Scaffold {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case invalidName(String)
        case exists(String)

        public var description: String {
            switch self {
            case .invalidName(let message): message
            case .exists(let path): "\(path) already exists; achyk new never overwrites a file"
            }
        }
    }

    /// `handbook/<stem>.<lang>.md` in each language, as drafts: the site builds while the case is being written.
    public static func caseStudy(_ stem: String, languages: [Language]) throws(Failure) -> [(path: String, text: String)] {
        guard Identifier.isValid(stem), let hyphen = stem.firstIndex(of: "-"), hyphen != stem.startIndex,
            stem[..<hyphen].allSatisfy({ $0.isASCII && $0.isNumber }), stem.index(after: hyphen) != stem.endIndex
        else {
            throw .invalidName("'\(stem)' is not a case-study name: its number, a hyphen and lowercase letters a-z, digits or hyphens, as in 26-new-village")
        }
        let titles: [Language: String] = [.ky: "Кейстин аталышы", .ru: "Название кейса", .en: "Title of the case study"]
        return languages.map { language in
            (path: "handbook/\(stem).\(language.rawValue).md", text: """
                ---
                # The case study's title and its one-line motto (the handbook's tagline).
                title: "\(titles[language] ?? "Title")"
                tagline: ""
                # One paragraph for the case list, search engines and link previews.
                summary: ""
                # Where: an oblast id (batken, chui, issyk-kul, jalal-abad, naryn, osh, talas, bishkek, osh-city),
                # the rayon and the villages or towns.
                oblast: chui
                rayon: ""
                settlements: []
                # Topics: budget-hearings, water, health, education, youth, women, agriculture, infrastructure,
                # social-services, employment, environment, culture, governance.
                topics: []
                # The partnership record of this case (partnerships/<id>.yaml), once it exists:
                # partnership: some-id
                # The municipality under budgets/, if it has budget pages:
                # municipality: some-id
                # Remove this line when the case is ready to publish.
                draft: true
                ---

                ## Summary

                ## The place and its people

                ## The partners

                ## How the partnership started and worked

                ## Money

                ## Results

                ## Lessons

                ## Sources

                """)
        }
    }

    /// `partnerships/<id>.yaml`, with the required values left empty: `achyk check` lists what is still to fill in.
    public static func partnership(_ id: String) throws(Failure) -> (path: String, text: String) {
        guard Identifier.isValid(id) else {
            throw .invalidName("'\(id)' is not a partnership id: lowercase letters a-z, digits and hyphens, as in insan-leilek")
        }
        return (path: "partnerships/\(id).yaml", text: """
            # A partnership record (docs/content-format.md, "Partnership records"). Fill in every empty value;
            # `achyk check` names each one still missing.
            id: \(id)                              # must stay equal to the file name
            title: {ky: "", ru: "", en: ""}
            oblast:                                # an oblast id, or a list of them: [batken, osh]
            rayon: {ky: "", ru: "", en: ""}        # optional
            settlements: []                        # optional: villages and towns
            cso:                                   # the civil society organisations, at least one
              - name: {ky: "", ru: "", en: ""}
                kind: public-association           # optional, free text
            lsg:                                   # the local governments (ayil okmots, towns)
              - name: {ky: "", ru: "", en: ""}
            state: []                              # other state bodies (ministries, rayon administrations), optional
            period: {start: , end: }               # years; leave end empty while the partnership goes on
            topics: []                             # topic ids, as in a case study
            funding: []                            # every amount the case names, as the case gives it:
            #  - amount: 250000
            #    currency: KGS                     # KGS, USD or EUR
            #    source: {en: "who gave it"}
            #    year: 2005                        # optional
            results: {ky: "", ru: "", en: ""}      # optional, Markdown allowed
            # case_study: 25-insan-leilek          # the handbook file this record belongs to
            # municipality: leilek                 # its folder under budgets/, if there is one
            # notes: {en: "figures in the source that disagree, and what the record does about them"}

            """)
    }

    /// A year's budget table to fill in, `budgets/<municipality>/<year>.csv`, and the municipality's
    /// `municipality.yaml` when the folder has none. The table's first lines explain it; they stand above the header,
    /// where a table's title lines go, so the reader passes over them.
    public static func budget(_ municipality: String, year: Int, in contentFolder: URL) throws(Failure) -> [(path: String, text: String)] {
        guard Identifier.isValid(municipality) else {
            throw .invalidName("'\(municipality)' is not a municipality id: lowercase letters a-z, digits and hyphens, as in kochkor")
        }
        guard MunicipalityReader.years.contains(year) else {
            throw .invalidName("\(year) is not a budget year achyk reads (\(MunicipalityReader.years.lowerBound)–\(MunicipalityReader.years.upperBound))")
        }
        let folder = "budgets/\(municipality)"
        var files = [(path: "\(folder)/\(year).csv", text: """
            # The budget of \(municipality) for \(year): one line for each budget code (docs/content-format.md: The budget table)
            # Revenue: 1 is the total; 11… are taxes and 13… transfers from the republican budget
            # Spending: 7 is the total; 701 to 710 are the ten functions (education is 709)
            # approved: as the council approved it / revised: as amended during the year / executed: as received or spent
            # Amounts in som as the spreadsheet writes them (1 234 567.50 or 1234567); leave a cell empty when it is not known
            # Copy the figures from the council's resolution and give its title and address in municipality.yaml (sources)
            # These lines above the header may stay: they are passed over. The lines below the header are examples to fill in.
            code,name,approved,revised,executed
            1,Revenue,,,
            1111,Personal income tax,,,
            1331,Equalisation grant,,,
            7,Expenditure,,,
            701,General public services,,,
            706,Housing and community amenities,,,
            709,Education,,,
            710,Social protection,,,

            """)]
        if !FileManager.default.fileExists(atPath: contentFolder.appendingPathComponent("\(folder)/municipality.yaml").path) {
            files.append((path: "\(folder)/municipality.yaml", text: """
                # A municipality (docs/content-format.md, "municipality.yaml"). Only id and name are required;
                # `achyk check` names each value that is wrong or still missing.
                id: \(municipality)                           # must stay equal to the folder name
                name: {ky: "", ru: "", en: ""}              # as people write it in each language
                kind: ayil-okmot                            # ayil-okmot, town or city
                oblast:                                     # an oblast id: batken, chui, issyk-kul, jalal-abad, naryn, osh, talas
                rayon: {ky: "", ru: "", en: ""}
                population: {\(year): }                      # residents by year, for the figures per resident
                # contact: {email: "", phone: ""}           # whom residents ask about the budget
                sources:                                    # where each year's figures come from, shown on its page
                  \(year): {title: {ky: "", ru: "", en: ""}, url: "", as_of: }   # e.g. the council's resolution
                #   unit: thousand                          # if the table is in thousands of som
                #   not_published: [expenditure_by_function] # what the source does not break down
                # sheet: "Бюджет"                           # for <year>.xlsx: the sheet that holds the table (else the first)
                hearings: []                                # public hearings, each as below
                #  - date: \(year)-11-20
                #    time: "14:00"                          # optional, Bishkek time
                #    stage: draft                           # draft (the plan) or execution (the report)
                #    place: {ky: "", ru: "", en: ""}

                """))
        }
        return files
    }

    /// The languages of the content folder's site.yaml, or ky, ru and en when it cannot be read.
    public static func languages(ofContentFolder folder: URL) -> [Language] {
        var diagnostics = Diagnostics()
        guard let text = try? String(contentsOf: folder.appendingPathComponent("site.yaml"), encoding: .utf8),
            let settings = SiteSettingsReader().read(text, reporting: &diagnostics)
        else { return [.ky, .ru, .en] }
        return settings.languages
    }

    /// Writes the files under `contentFolder`, refusing to overwrite any; returns the paths written.
    public static func write(_ files: [(path: String, text: String)], into contentFolder: URL) throws -> [String] {
        let manager = FileManager.default
        for file in files where manager.fileExists(atPath: contentFolder.appendingPathComponent(file.path).path) {
            throw Failure.exists(file.path)
        }
        for file in files {
            let url = contentFolder.appendingPathComponent(file.path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
        }
        return files.map(\.path)
    }
}
