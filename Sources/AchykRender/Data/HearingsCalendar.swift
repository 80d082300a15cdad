import AchykBudget
import AchykModel
import AchykSite

/// The hearings as iCalendar (RFC 5545) files a phone's calendar imports: one per municipality and language, and
/// one of the whole site per language. Times are Bishkek's, which has kept UTC+6 without summer time since 2005.
extension SiteRenderer {
    func calendarJobs() -> [RenderJob] {
        let withHearings = budgets.filter { !$0.municipality.hearings.isEmpty }
        guard !withHearings.isEmpty else { return [] }
        return languages.map { language in
            RenderJob(name: "calendars (\(language.rawValue))", kind: "calendars") { [self] in
                let l = localizer(language)
                var files: [OutputFile] = []
                for municipality in withHearings {
                    let calendarName = l.text("calendar_name", ["name": municipalityName(municipality.municipality, in: language)])
                    files.append(OutputFile(path: paths.hearingsCalendar(municipality.id, in: language), text: calendar(named: calendarName, [municipality], in: language)))
                    // Each hearing alone, for the link beside it: a phone adds that one event.
                    for name in Hearing.names(municipality.municipality.hearings) {
                        files.append(OutputFile(
                            path: paths.hearingCalendar(municipality.id, hearing: name, in: language),
                            text: calendar(named: calendarName, [municipality], only: name, in: language)))
                    }
                }
                let siteTitle = text(settings.title, in: language) ?? ""
                let siteName = siteTitle.isEmpty ? l.text("calendar_name", ["name": ""]) : l.text("calendar_name_site", ["name": siteTitle])
                files.append(OutputFile(path: paths.hearingsCalendar(in: language), text: calendar(named: siteName, withHearings, in: language)))
                return files
            }
        }
    }

    /// One VCALENDAR with the hearings of `municipalities` (or only the one of that name).
    func calendar(named name: String, _ municipalities: [MunicipalityFigures], only: String? = nil, in language: Language) -> String {
        let l = localizer(language)
        var ics = ICalendarText()
        ics.line("BEGIN:VCALENDAR")
        ics.line("VERSION:2.0")
        ics.line("PRODID:-//achyk//citizen budgets//\(language.rawValue.uppercased())")
        ics.line("CALSCALE:GREGORIAN")
        ics.property("X-WR-CALNAME", text: name)
        ics.line("X-WR-TIMEZONE:Asia/Bishkek")
        for line in ["BEGIN:VTIMEZONE", "TZID:Asia/Bishkek", "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0600", "TZOFFSETTO:+0600", "TZNAME:+06", "END:STANDARD", "END:VTIMEZONE"] {
            ics.line(line)
        }
        // The build's day, so that a repeated build writes the same bytes.
        let stamp = settings.today.map { ICalendarText.date($0) + "T000000Z" } ?? "20000101T000000Z"
        let host = Self.host(of: paths.baseURL)
        for municipality in municipalities {
            let info = municipality.municipality
            let name = municipalityName(info, in: language)
            let page = paths.absoluteURL(paths.municipality(info.id, in: language))
            for (hearing, hearingName) in zip(info.hearings, Hearing.names(info.hearings)) where only == nil || only == hearingName {
                ics.line("BEGIN:VEVENT")
                ics.line("UID:\(info.id)-\(hearingName)@\(host)")
                ics.line("DTSTAMP:\(stamp)")
                if let time = hearing.time {
                    ics.line("DTSTART;TZID=Asia/Bishkek:\(ICalendarText.date(hearing.date))T\(time.replacingOccurrences(of: ":", with: ""))00")
                } else {
                    // A whole day, which should not show the reader as busy.
                    ics.line("DTSTART;VALUE=DATE:\(ICalendarText.date(hearing.date))")
                    ics.line("TRANSP:TRANSPARENT")
                }
                let summary = hearing.stage.map { l.text("calendar_summary_stage", ["name": name, "stage": l.text("hearing_\($0.rawValue)")]) }
                    ?? l.text("calendar_summary", ["name": name])
                ics.property("SUMMARY", text: summary)
                let place = text(hearing.place, in: language)
                if let place { ics.property("LOCATION", text: place) }
                func sentence(_ text: String) -> String { text.hasSuffix(".") ? text : text + "." }
                ics.property("DESCRIPTION", text: [sentence(summary), place.map(sentence), l.text("calendar_more", ["url": page])].compactMap { $0 }.joined(separator: "\n"))
                ics.property("URL", text: page, escaped: false)
                ics.line("END:VEVENT")
            }
        }
        ics.line("END:VCALENDAR")
        return ics.text
    }

    /// The host of `base_url`, which makes the events' identifiers unique across sites.
    static func host(of url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return "achyk" }
        let rest = url[schemeEnd.upperBound...]
        return String(rest.prefix { $0 != "/" && $0 != ":" })
    }
}

/// Lines of an iCalendar file: CRLF ends, folded at 75 octets without splitting a character, text values escaped.
struct ICalendarText {
    private(set) var text = ""

    mutating func line(_ content: String) {
        // By scalar, not by character: a character built of many combining marks can be longer than a line.
        var octets = 0
        for scalar in content.unicodeScalars {
            let size = UTF8.width(scalar)
            if octets + size > 75 {
                text += "\r\n "
                octets = 1
            }
            text.unicodeScalars.append(scalar)
            octets += size
        }
        text += "\r\n"
    }

    /// A property with a TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line ends escaped, other
    /// control characters left out.
    mutating func property(_ name: String, text value: String, escaped: Bool = true) {
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\" where escaped: result += "\\\\"
            case ";" where escaped: result += "\\;"
            case "," where escaped: result += "\\,"
            case "\n": result += escaped ? "\\n" : ""
            case "\r": continue
            case let c where c.value < 0x20 || c.value == 0x7F || (0x80...0x9F).contains(c.value): continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        line("\(name):\(result)")
    }

    static func date(_ date: CalendarDate) -> String {
        func padded(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return padded(date.year, 4) + padded(date.month, 2) + padded(date.day, 2)
    }
}
