# ThiĐua Bot — English.
# Every user-facing string lives here and in vi.ftl; test/unit/locales.test.ts keeps the two in parity.

## Common
language-name = English
error-generic = Sorry, something went wrong while handling that. Please try again in a few minutes.
button-expired = This button has expired. Please use the latest message.
button-back = ‹ Back
button-cancel = ✖ Cancel
cancelled = Cancelled. You can pick something else from the menu.
nothing-to-cancel = There is nothing to cancel.
coming-soon = “{ $feature }” is coming soon. Your administrators will announce it when it is ready.
not-joined = You have not chosen your unit yet. Send /start to begin.
private-only = This command works only in a private chat with the bot.
text-too-long = That is too long (at most { $max } characters). Please shorten it and send it again.

## Main menu
menu-campaigns = 📋 Campaigns
menu-register = 📝 Register
menu-report = 📊 Report
menu-my = 👤 My status
menu-help = ❓ Help
menu-shown = Choose what to do from the menu below.
unhandled-text = I did not understand that. Choose from the menu below or send /help to see the commands.

## Start / joining a unit
start-welcome =
    Hello { $name }! 👋
    ThiĐua Bot helps you take part in your unit's emulation campaigns: register, report progress and get deadline reminders right here in Telegram.
start-welcome-back = Welcome back, { $name }! Unit: { $unit }.
start-choose-unit = Which unit do you belong to? Pick it from the list or type its name to search (diacritics optional, e.g. “dong khoi”).
start-invite-invalid = This invite link is invalid or has been replaced. Please pick your unit from the list.
unit-picker-title = Choose a unit{ $parent ->
    [none] :
   *[other] {" "}in “{ $parent }”:
}
unit-picker-empty = There are no units yet. Please ask an administrator to add yours.
unit-choose-this = ✔ Choose “{ $unit }”
unit-more = Next page ›
unit-prev = ‹ Previous page
unit-search-results = Results for “{ $query }”:
unit-search-none = No unit has a name like “{ $query }”. Try other words or pick from the list.
unit-joined = Your unit is now: <b>{ $unit }</b>.
unit-switch-ask = You belong to “{ $current }”. Move to “{ $unit }”?
unit-switch-yes = Move to “{ $unit }”
unit-switch-no = Keep my current unit
unit-kept = You stay in “{ $unit }”.
name-ask = Please type your full name (as in your unit's records), e.g. Nguyễn Thị Minh Khai.
name-use-telegram = Use “{ $name }”
name-invalid-empty = Your name cannot be empty. Please type it again.
name-invalid-too-long = Your name is longer than { $max } characters. Please type a shorter form.
name-invalid-control = Your name contains characters that are not allowed. Please use letters only (no symbols or emoji).
name-invalid-no-letters = A name needs letters (not only symbols or digits). Please type it again.
name-need-text = Please type your full name as text.
onboarding-done =
    Thank you, <b>{ $name }</b> of <b>{ $unit }</b>.
    You are ready to take part in emulation campaigns. Choose what to do from the menu (on Zalo: send “menu”).

## Profile
profile-show =
    <b>Your profile</b>
    Full name: { $name }
    Unit: { $unit }
    Language: { $language }
    Role: { $role }
profile-not-set = (not set)
profile-change-name = ✏️ Change name
profile-change-unit = 🏢 Change unit
profile-change-language = 🌐 Change language
profile-name-saved = Name saved: <b>{ $name }</b>.
role-MEMBER = Member
role-OFFICER = Emulation officer
role-ADMIN = Administrator

## Language
language-choose = Chọn ngôn ngữ / Choose your language:
language-set = Switched to English.

## Help
help-member =
    <b>Member commands</b>
    /campaigns — your unit's emulation campaigns
    /register — register for a campaign
    /report — report progress
    /my — my status
    /settings — reminders on/off
    /link — link your Telegram and Zalo accounts
    /profile — profile: name, unit, language
    /language — change language
    /cancel — cancel what you are doing
    /help — help
help-officer =
    <b>Officer commands</b>
    /invite [unit code] — invite link to a unit (within your own unit's tree)
    /units — unit chart
    /campaigns — campaigns in your scope; send a YAML/JSON file to import one
    /newcampaign — create a campaign in chat; /announce — send an update
    /amend [code] — correct or extend a launched campaign
    /linkgroup (in a group) — link the group to your unit
    /review — submit your unit's mid-term/final review report
    /nudge — remind those who have not acted yet
    /stats [campaign code] — figures and chart per unit
    /evidence — see the evidence of a report
    /registrations — approve or return registrations in your units (paged)
    /moveunit UNIT_CODE | name — move a person to another unit (both units within your scope)
help-admin =
    <b>Administrator commands</b>
    /addunit CODE | Name | PARENT_CODE | GROUP_CODE — add a unit
    /addgroup CODE | Name | BLOCK or CLUSTER — add an emulation block/cluster
    /importunits — import units from a CSV or YAML file
    /grant [name] — make a member an emulation officer
    /revoke [name] — revoke the officer role
    /audit — recent audit log

## Commands (Telegram's command menu)
cmd-start = Start
cmd-campaigns = Emulation campaigns
cmd-register = Register for a campaign
cmd-report = Report progress
cmd-my = My status
cmd-profile = My profile
cmd-language = Change language
cmd-help = Help
cmd-cancel = Cancel
cmd-evidence = Evidence of a report
cmd-invite = Invite link to a unit
cmd-units = Unit chart
cmd-addunit = Add a unit
cmd-addgroup = Add an emulation block/cluster
cmd-importunits = Import units
cmd-grant = Grant officer role
cmd-revoke = Revoke officer role
cmd-audit = Audit log

## Permissions
forbidden = You are not allowed to use this command. The attempt has been logged.
forbidden-scope = Unit “{ $unit }” is outside the units you are responsible for.
officer-needs-unit = You need to belong to a unit before using this command (/profile).

## Unit administration
units-tree-title = <b>Unit chart</b> ({ $count } units)
units-tree-more = … and { $count } more units.
units-groups-title = <b>Emulation blocks/clusters</b>
units-none = There are no units yet. Use /addunit or /importunits to add some.
group-kind-BLOCK = Block
group-kind-CLUSTER = Cluster
addunit-usage = Usage: /addunit CODE | Unit name | PARENT_CODE (optional) | GROUP_CODE (optional) | open, invite or approval (joining policy, optional; default invite)
addunit-done = Unit <b>{ $name }</b> added (code { $code }).
addunit-code_invalid = A unit code may contain only unaccented letters, digits and dashes (at most 40 characters).
addunit-code_taken = Code “{ $code }” is already used by another unit.
addunit-parent_unknown = There is no parent unit with code “{ $code }”.
addunit-group_unknown = There is no block/cluster with code “{ $code }”. Add it with /addgroup first.
addunit-name_missing = The unit name is missing.
addgroup-usage = Usage: /addgroup CODE | Block/cluster name | BLOCK or CLUSTER
addgroup-done = Emulation { $kind ->
        [BLOCK] block
       *[other] cluster
    } <b>{ $name }</b> added (code { $code }).
invite-link =
    Invite link to <b>{ $unit }</b>:
    { $link }
    Whoever taps it joins the unit.
invite-unknown-unit = No unit has the code or name “{ $code }”.
import-ask = Send the units file (CSV, YAML or Excel .xlsx, at most 1 MB) as an attachment. Columns (CSV and Excel): code,name,parent,group.
import-not-file = Please send a CSV, YAML or Excel .xlsx file as an attachment, or /cancel.
import-too-large = The file is too large ({ $size }). The limit is { $max }.
import-bad-type = “{ $name }” is not a CSV, YAML or Excel .xlsx file.
import-errors = The file has { $count } problem(s); no unit was imported:
import-error-line = Line { $line }: { $problem }
import-errors-more = … and { $count } more problem(s).
import-done = Import finished: { $created } new units, { $updated } updated, { $groups } new blocks/clusters.
import-download-failed = Could not download the file from Telegram. Please send it again.
units-error-file_empty = the file lists no units
units-error-file_syntax = syntax error ({ $message })
units-error-file_header = the header line is missing; expected: { $expected }
units-error-code_invalid = code “{ $value }” is not valid (unaccented letters, digits, _ . - only)
units-error-name_missing = unit “{ $code }” has no name
units-error-name_too_long = the name is longer than { $max } characters
units-error-code_duplicate = code “{ $value }” is duplicated (first on line { $first })
units-error-parent_self = unit “{ $value }” cannot be its own parent
units-error-parent_cycle = unit “{ $value }” makes a cycle of parents
units-error-parent_unknown = there is no parent unit with code “{ $value }”
units-error-too_many_rows = too many rows (at most { $max })
units-error-group_invalid = block/cluster code “{ $value }” is not valid

## Granting / revoking the officer role
grant-ask = Type the full name (or part of it) of the member who should become an emulation officer.
revoke-ask = Type the full name (or part of it) of the officer whose role should be revoked.
grant-results = Choose whom to { $grant ->
    [yes] grant the role
   *[no] revoke
}:
grant-none = Nobody has a name like “{ $query }”. Type again or /cancel.
grant-confirm = { $grant ->
    [yes] Make <b>{ $name }</b> ({ $unit }) an emulation officer?
   *[no] Revoke the officer role of <b>{ $name }</b> ({ $unit })?
}
grant-yes = ✔ Confirm
grant-done = <b>{ $name }</b> is now an emulation officer, acting within “{ $unit }”.
revoke-done = The officer role of <b>{ $name }</b> has been revoked.
grant-already = { $name } is already { $role ->
        [ADMIN] an administrator
       *[other] an emulation officer
    }.
grant-admin-untouchable = Administrators are managed through ADMIN_IDS, not from chat.
grant-no-unit = { $name } does not belong to a unit yet, so cannot be an officer.

## Audit log
audit-title = <b>Recent audit log</b>
audit-empty = The audit log is empty.

## Groups
group-only-private = Please write to the bot privately to use this: { $link }

## Gửi thông báo (outbox)
broadcast-progress = 📤 <b>Sending the announcement</b>: { $done }/{ $total } recipients{ $groupsTotal ->
        [0] {""}
       *[other] , { $groupsDone }/{ $groupsTotal } groups
    }
    • Sent: { $sent }
    • Failed: { $failed }
    • Unreachable: { $unreachable }
    Expected to finish in: { $eta }
broadcast-summary = ✅ <b>Sending finished</b>: { $done }/{ $total } recipients{ $groupsTotal ->
        [0] {""}
       *[other] , { $groupsDone }/{ $groupsTotal } groups
    }
    • Sent: { $sent }
    • Failed: { $failed }
    • { $unreachable } unreachable (blocked the bot or deleted their account)
broadcast-summary-cancelled = ⏹ <b>Sending stopped</b>: { $done }/{ $total } recipients{ $groupsTotal ->
        [0] {""}
       *[other] , { $groupsDone }/{ $groupsTotal } groups
    }
    • Sent: { $sent }
    • Failed: { $failed }
    • { $unreachable } unreachable
    • Cancelled, not sent: { $cancelled }
broadcast-stop-button = ⏹ Stop sending
broadcast-stop-done = Sending stopped; { $dropped } unsent messages were cancelled.
broadcast-stop-not_found = This broadcast was not found.
broadcast-stop-not_yours = Only the officer who launched it or an administrator can stop this broadcast.
broadcast-stop-finished = This broadcast has already finished.

## Reminders and review reports
reminder-header-one = ⏰ <b>Deadline reminder</b>
reminder-header-many = ⏰ <b>Deadline reminder</b> ({ $count } things due soon)
reminder-nudge-header = 🔔 <b>Your emulation officer reminds you</b>: the following is still not done.
reminder-line = • <b>{ $campaign }</b>: { $what } — due { $deadline } ({ $left })
reminder-footer = Press the button below to do it now. Turn reminders off: /settings
reminder-what-REGISTRATION = registration
reminder-what-PROGRESS_REPORT = progress report
reminder-what-MIDTERM_REVIEW = mid-term review report
reminder-what-FINAL_REVIEW = final review report
reminder-what-CUSTOM = campaign milestone
reminder-left-days = { $days } days left
reminder-left-days-hours = { $days } days { $hours } hours left
reminder-left-hours = { $hours } hours left
reminder-left-hours-minutes = { $hours } hours { $minutes } minutes left
reminder-left-minutes = { $minutes } minutes left
reminder-left-past = overdue
reminder-button-REGISTRATION = 📝 Register: { $campaign }
reminder-button-PROGRESS_REPORT = 📊 Report: { $campaign }
reminder-button-MIDTERM_REVIEW = 📄 Send mid-term report: { $campaign }
reminder-button-FINAL_REVIEW = 📄 Send final report: { $campaign }
reminder-button-CUSTOM = 📋 Open: { $campaign }
reminder-summary-header = 📋 <b>After-deadline summary</b>: { $campaign } — { $what }, due { $deadline }
reminder-summary-unit-done = ✅ { $unit }: { $done }/{ $total }
reminder-summary-unit-behind = ⏳ { $unit }: { $done }/{ $total } — not done: { $names }
reminder-summary-more = { " " }and { $count } more
reminder-summary-unit-submitted = ✅ { $unit }: submitted
reminder-summary-unit-missing = ⏳ { $unit }: not submitted
reminder-summary-total = Total: { $done }/{ $total } done.
reminder-nudge-button = 🔔 Remind those not done
nudge-done = Reminder sent to { $count } people who have not done it.
nudge-already = Those not done were already reminded today ({ $laggards } people); nothing sent again.
nudge-none = Everyone is done; nobody to remind.
nudge-choose = Choose the milestone whose laggards to remind:
nudge-nothing = No milestone in the last or next 30 days to remind about.
nudge-not-launched = This campaign is no longer running.
settings-show = <b>Settings</b>
    Deadline reminders: <b>{ $state }</b>
settings-state-on = On
settings-state-off = Off
settings-turn-on = 🔔 Turn reminders on
settings-turn-off = 🔕 Turn reminders off
settings-saved-on = Reminders are on. The bot will remind you before campaign deadlines.
settings-saved-off = Reminders are off. Turn them back on with /settings.
settings-show-linked = <b>Settings</b>
    Deadline reminders: <b>{ $state }</b>
    Bot messages arrive on: <b>{ $channel }</b>
settings-change-channel = 📨 Change channel
settings-ask-channel = Bot messages reach you on: <b>{ $channel }</b>. Each announcement and reminder is sent once — where should it go?
settings-channel-last = the channel you used last
settings-channel-last-option = 🕘 The channel I used last
settings-channel-saved = From now on announcements and reminders reach you on { $channel }.
settings-channel-saved-last = From now on announcements and reminders reach you on the channel you used last.
cmd-settings = Reminder settings
cmd-nudge = Remind those not done
cmd-review = Mid-term/final review report
review-none = No mid-term or final review is open for “{ $unit }” right now.
review-choose = Choose the milestone to submit “{ $unit }”'s report for (press «Submissions» to see units below):
review-item = { $campaign } · { $what } · due { $deadline }{ $done ->
    [yes] { " " }✅
   *[no] {""}
}
review-status-button = 📊 Submissions: { $campaign }
review-status-title = <b>Review report submissions</b>: { $campaign } — { $what }, due { $deadline }
review-status-submitted = ✅ { $unit } — { $at }
review-status-missing = ⏳ { $unit } — not submitted
review-ask-file = Send the { $what } file of “{ $unit }” (PDF, DOCX or XLSX, at most 20 MB).{ $replace ->
    [yes] { " " }Your unit already sent “{ $file }”; the new file replaces it.
   *[no] {""}
}
review-file-type = Only PDF, DOCX or XLSX files are accepted. Please send the report file again.
review-file-too-large = The file is larger than 20 MB. Please compress or split it and send it again.
review-need-file = Please send the report as a document (PDF, DOCX or XLSX), or /cancel.
review-ask-figures = Key figures (optional): one per line as «name: value», for example:
    New party members: 12
    Recognised initiatives: 3
review-figures-invalid = The line “{ $line }” is not «name: value». Type the figures again (up to 20 lines) or press «Skip».
review-ask-note = A note with the report (optional, up to 1000 characters):
review-skip = Skip ›
review-confirm = <b>Confirm the report</b>
    Campaign: { $campaign }
    What: { $what }, due { $deadline }
    Unit: { $unit }
    File: { $file }
    Figures: { $figures }
    Note: { $note }
review-none-given = (none)
review-confirm-button = ✔ Submit report
review-saved = ✅ Received the { $what } of “{ $unit }”. You can send a new file to replace it before { $deadline }.
review-replaced = ✅ Replaced the { $what } of “{ $unit }” with the new file.
review-closed = This milestone is past its deadline or the campaign is no longer running; the report cannot be submitted.
review-not-in-audience = Your unit is not in this campaign's audience.
review-not-found = This milestone was not found.

## Campaigns
camp-milestone-REGISTRATION = Registration
camp-milestone-PROGRESS_REPORT = Progress report
camp-milestone-MIDTERM_REVIEW = Mid-term review
camp-milestone-FINAL_REVIEW = Final review
camp-milestone-CUSTOM = Other milestone
camp-status-DRAFT = Draft
camp-status-LAUNCHED = Running
camp-status-CLOSED = Closed
camp-status-ARCHIVED = Archived
camp-reg-SUBMITTED = submitted, awaiting approval
camp-reg-RETURNED = returned for changes
camp-reg-APPROVED = approved
camp-reg-REJECTED = not approved
camp-reg-WITHDRAWN = withdrawn
camp-target = target { $target }
camp-issuer = Launched by: { $issuer }
camp-period = Period: { $starts } – { $ends }
camp-text-cut = (Long content; see it in full with /campaigns.)
camp-content-heading = <b>Content</b>
camp-registration-deadline = ⏰ Registration deadline: <b>{ $at }</b>
camp-announcement-call = Please press the button below to register your title and targets.
camp-register-button = 📝 Register
camp-open-button = 📋 Open campaign
camp-followup-heading = 📢 <b>Update — { $title }</b>
camp-past = (past)
camp-series-next = next { $next }, { $count } left, until { $last }
camp-series-done = from { $first } to { $last } (past)
camp-titles-individual = <b>Individual titles:</b> { $titles }
camp-titles-collective = <b>Collective titles:</b> { $titles }
camp-status-line = Status: <b>{ $status }</b> · code <code>{ $code }</code>
camp-deadlines-heading = <b>Deadlines</b>
camp-my-status = 👤 Your registration: <b>{ $title }</b> — { $status }
camp-my-status-none = 👤 You have <b>not registered</b> in this campaign yet.
camp-errors-more = … and { $count } more.
camp-err-required = required information is missing
camp-err-type_invalid = wrong kind of value { $value }
camp-err-too_few = needs at least { $min } items
camp-err-too_short = too short (at least { $min } characters)
camp-err-too_many = too many items (at most { $max })
camp-err-too_long = too long (at most { $max } characters)
camp-err-format_invalid = "{ $value }" has the wrong format
camp-err-value_invalid = "{ $value }" is not allowed; expected one of: { $allowed }
camp-err-key_unknown = key "{ $key }" is not supported (a typo?)
camp-err-json_syntax = JSON syntax error: { $message }
camp-err-yaml_syntax = YAML syntax error at line { $line }, column { $col } ({ $message })
camp-err-file_too_large = file too large (at most { $max } characters)
camp-err-ends_before_starts = end date { $value } is before the start date { $starts }
camp-err-title_unknown = there is no title with code "{ $value }"
camp-err-title_duplicate = title "{ $value }" is listed twice
camp-err-title_wrong_scope = title "{ $value }" does not belong here (it is { $expected })
camp-err-titles_empty = at least one title is needed
camp-err-criterion_duplicate = content code "{ $value }" is used twice (first at { $first })
camp-err-criteria_too_deep = content nested deeper than { $max } levels
camp-err-criteria_too_many = too many content lines ({ $count }, at most { $max })
camp-err-target_not_number = targets are for numeric lines only (this one is { $measure })
camp-err-number_invalid = "{ $value }" is not a valid number
camp-err-offset_too_large = reminder { $value } is longer than the campaign ({ $days } days)
camp-err-offset_invalid = "{ $value }" is not a reminder offset (e.g. 7d, 2d, 4h)
camp-err-offset_negative = reminder "{ $value }" cannot be negative
camp-err-until_without_repeat = "until" ({ $value }) given without "repeat"
camp-err-until_before_due = "until" { $value } is before the first due date { $due }
camp-err-milestone_outside_period = due { $value } is outside the campaign period ({ $starts } – { $ends })
camp-err-milestones_too_many = too many milestones ({ $count }, at most { $max })
camp-err-milestone_past = deadline { $value } is already past
camp-err-yaml_comma_joined = joined "{ $value }" back together (line { $line }); put values with commas in quotes
camp-err-date_invalid = { $value } is not a date
camp-err-date_format = "{ $value }" is not a day/month/year date (e.g. 30/06/2026)
camp-err-time_invalid = "{ $value }" has an invalid time
camp-err-invalid = "{ $value }" is invalid
camp-upload-ask = Send the campaign data file (<b>YAML</b> or <b>JSON</b>, following the template; at most 1 MB). Send /cancel to stop.
camp-upload-not-file = Please send a YAML or JSON file as an attachment, or /cancel.
camp-file-bad-type = "{ $name }" is not YAML or JSON. Only .yaml, .yml or .json files are accepted.
camp-import-done = ✅ Saved the draft campaign <b>{ $title }</b> (code <code>{ $code }</code>).
camp-import-replaced = ✅ Replaced draft <code>{ $code }</code> with the new file: <b>{ $title }</b>.
camp-import-warnings = ⚠️ Notes (saving was not blocked):
camp-import-invalid = ❌ The file has { $count } problem(s); nothing was saved. Fix them and send it again:
camp-code-taken = Campaign code <code>{ $code }</code> is already used. Type another code (lower case, digits, hyphens, e.g. <code>{ $code }-2</code>) and I will import the same file again.
camp-code-invalid = Code <code>{ $code }</code> is not valid: use lower-case letters, digits and hyphens (3–40 characters). Type it again.
camp-audience-unknown = No unit or block/cluster has the code: { $codes }. Nothing was saved.
camp-audience-out-of-scope = The audience is outside your unit's scope: { $codes }. Nothing was saved.
camp-out-of-scope = This campaign is outside your scope.
camp-btn-launch = 🚀 Launch
camp-btn-edit = ✏️ Edit
camp-btn-announce = 📢 Send an update
camp-btn-close = 🏁 Close
camp-btn-archive = 🗄 Archive
camp-btn-launch-confirm = ✔ Confirm launch
camp-btn-announce-confirm = ✔ Send the update
camp-officer-none = No campaigns in your scope yet. Send a YAML/JSON file or use /newcampaign.
camp-officer-list = <b>Campaigns in your scope</b>
camp-officer-hint = Choose a campaign to view, edit or launch it. New: /newcampaign or send a YAML/JSON file.
camp-already-launched = This campaign has already been launched (or is no longer a draft); it cannot be launched again.
camp-preview-intro = 👁 Preview — members will receive exactly this message:
camp-launch-confirm = It will go to <b>{ $members }</b> recipients and <b>{ $groups }</b> unit group(s). Launch now?
camp-launched = 🚀 Launched <b>{ $title }</b>: sending to { $members } recipients and { $groups } group(s). Progress appears in the message below.
camp-launch-flow-name = Launching a campaign
camp-launch-pick = Choose the draft to launch (send its number or the campaign code):
camp-launch-choice-launch = 🚀 Launch
camp-launch-choice-cancel = Cancel
camp-launch-cancelled = Cancelled; the campaign was not launched.
camp-launch-not-found = No campaign has this code. Send «launch» to choose among your drafts.
camp-launch-no-drafts = There is no draft in your scope to launch.
camp-launched-text = 🚀 Launched <b>{ $title }</b>: sending to { $members } recipients and { $groups } group(s). Progress will follow in the next messages.
camp-edit-not-draft = Only draft campaigns can be edited.
camp-edit-ask = What should change in draft <code>{ $code }</code>? (To replace everything, send the YAML/JSON file again with the same code.)
camp-edit-field-title = Title
camp-edit-field-slogan = Slogan
camp-edit-field-starts = Start date
camp-edit-field-ends = End date
camp-edit-ask-title = Type the new title.
camp-edit-ask-slogan = Type the new slogan ("-" removes it).
camp-edit-ask-starts = Type the new start date (day/month/year, e.g. 01/12/2026).
camp-edit-ask-ends = Type the new end date (day/month/year, e.g. 31/12/2026).
camp-edit-saved = ✅ Saved.
camp-edit-not_found = Campaign not found.
camp-edit-not_draft = Only draft campaigns can be edited.
camp-edit-not_launched = The campaign has not been launched.
camp-edit-out_of_scope = This campaign is outside your scope.
camp-edit-already_archived = The campaign is archived.
camp-edit-ends_before_starts = The end date must be after the start date ({ $starts }). Type it again.
camp-edit-milestone_outside_period = A deadline would fall outside the new period. Type another date or upload the file again.
camp-edit-text_invalid = That text is empty or too long. Type it again.
camp-announce-ask = Type the update for <b>{ $title }</b>. Send /cancel to stop.
camp-announce-none = No running campaign to send an update for.
camp-announce-pick = Send an update for which campaign?
camp-announce-confirm = It will go to <b>{ $members }</b> recipients and <b>{ $groups }</b> group(s). Send it?
camp-announce-not-launched = Updates can be sent for running campaigns only.
camp-announced = 📢 Sending the update to { $members } recipients and { $groups } group(s).
camp-closed = 🏁 Closed <b>{ $title }</b>.
camp-close-refused = Only a running campaign can be closed.
camp-close-confirm = Close <b>{ $title }</b>? Members will no longer be able to register or report, and reminders stop. This cannot be undone from chat.
camp-close-confirm-yes = 🏁 Confirm closing
camp-archive-confirm = Archive <b>{ $title }</b>? It will no longer appear in lists.
camp-archive-confirm-yes = 🗄 Confirm archiving
camp-archived = 🗄 Archived <b>{ $title }</b>.
camp-archive-refused = Cannot archive: close the running campaign first.
camp-member-none = Your unit has no running emulation campaign at the moment.
camp-member-list = <b>Running campaigns</b>
camp-member-pick = Press a button or type its number to open it.
camp-pick-invalid = Please type a number from 1 to { $max }.
camp-link-invalid = This campaign link is invalid, closed, or not meant for your unit.
group-link-forbidden = Only an emulation officer can link this group to a unit.
group-linked = ✅ This group is now linked to <b>{ $unit }</b>. It will receive campaign launches and updates.
group-added-hint = Hello! Your unit's emulation officer is asked to send the command <b>/linkgroup</b> here so this group receives campaign announcements.
wiz-intro = <b>New emulation campaign</b>. Every step has a "‹ Back" button; send /cancel at any time to stop.
wiz-flow-name = Create a campaign
camp-edit-flow-name = Edit a draft campaign
settings-flow-name = Settings
camp-pick-flow-name = Choose a campaign
camp-announce-flow-name = Send a follow-up announcement
camp-import-flow-name = Import a campaign file
units-import-flow-name = Import the units list
wiz-ask-title = Campaign title?
wiz-title-invalid = The title needs 3 to 300 characters. Type it again.
wiz-ask-slogan = Slogan? (press "Skip" if there is none)
wiz-skip = Skip
wiz-done = ✔ Done
wiz-ask-starts = Start date (e.g. 01/12/2026)?
wiz-ask-ends = End date (e.g. 31/12/2026)? It must be after the start date.
wiz-date-date_invalid = { $value } is not on the calendar. Type the date again (day/month/year, e.g. 30/06/2026).
wiz-date-date_format = "{ $value }" is not a date. Type it as day/month/year, e.g. 30/06/2026.
wiz-date-time_invalid = "{ $value }" has an invalid time. Type it again, e.g. 17:00 30/06/2026.
wiz-ends-before-starts = The end date must be after the start date ({ $starts }). Type it again.
wiz-ask-titles = Which titles and awards does the campaign offer? Press to select/unselect (or type numbers, e.g. "1 2 9"), then "✔ Done".
wiz-titles-empty = Select at least one title.
wiz-titles-help = Press a button or type numbers (e.g. "1 2"), then "done".
wiz-titles-selected = { $count } selected. Keep selecting or press "✔ Done".
wiz-ask-criterion = Type content line { $n } (one per message). Type "done" when finished.
wiz-criteria-empty = At least one content line is needed.
wiz-measure-NUMBER = A number
wiz-measure-YES_NO = Yes / No
wiz-measure-TEXT = A description
wiz-ask-measure = How is the result of “{ $title }” recorded?
wiz-measure-help = Press a button or type its number.
wiz-ask-unit = Unit of measure (e.g. people, km, initiatives)? Press "Skip" if none.
wiz-ask-due = When is “{ $kind }” due? Type the time and date, e.g. 17:00 15/12/2026 (between { $starts } and { $ends }).
wiz-due-outside = Due { $value } is outside the campaign period ({ $starts } – { $ends }). Type it again.
wiz-ask-remind = How long before the deadline to remind? Type e.g. "7 days, 2 days, 4 hours", "7d 2d 4h" or "1 week"; "0" for none, or press "Default".
wiz-remind-default = Default (7d 2d 4h)
wiz-remind-offset_invalid = "{ $value }" is not a reminder offset. Type e.g. "7 days, 2 days, 4 hours" or "7d 2d 4h".
wiz-remind-offset_negative = Reminder "{ $value }" cannot be negative. Type e.g. "7 days, 2 days, 4 hours".
wiz-remind-offset_too_large = Reminder "{ $value }" is longer than the campaign ({ $days } days). Type it again.
wiz-ask-more-milestones = Add another milestone? Press "✔ Done" when finished.
wiz-ask-audience = Who takes part?
wiz-audience-own = 1. My whole unit (default)
wiz-audience-pick = 2. Choose sub-units
wiz-ask-audience-units = Choose the taking-part units (press or type numbers), then "✔ Done".
wiz-audience-empty = Choose at least one unit.
wiz-preview = 👁 <b>Draft preview</b>
wiz-save = 💾 Save draft
wiz-save-help = Press "💾 Save draft", "‹ Back" or send /cancel.
wiz-save-failed = Could not save ({ $reason }). Please check the steps.
wiz-saved = ✅ Saved draft <b>{ $title }</b> (code <code>{ $code }</code>). Open it to launch.
wiz-open = 📋 Open campaign

## Registration, progress reports, My status
flow-restarted = The bot has just been updated, so your unfinished “{ $flow }” cannot continue. Please start it again from the beginning; sorry for the inconvenience.
flow-restarted-gone = The bot has just been updated and the unfinished step is gone. Please choose what to do from the menu.
flow-busy = You are in the middle of “{ $flow }”. Please answer the question above, or send /cancel to stop.
flow-busy-button = You are in the middle of “{ $flow }”. Please use the latest message, or /cancel to stop.
cv-yes = Yes
cv-no = No
cv-skip = ⏭ Skip
cv-done = ✔ Done
cv-confirm = ✔ Confirm
cv-hint-button = Please press one of the buttons above (or type the option's number), or /cancel to stop.
cv-text-too-long = That is longer than { $max } characters. Please keep it shorter.
cv-number-invalid = I could not read a number. Type a number, e.g. 3 or 12.5.
cv-number-negative = The number cannot be negative. Please type it again.
cv-number-out_of_range = The number is too large or has too many decimals (at most 4). Please type it again.
cv-yes-no-invalid = Please press “Yes” or “No” (or type yes / no).
reg-flow-name = Registration
reg-title-LDTT = Advanced Worker
reg-title-CSTDCS = Grassroots Emulation Fighter
reg-title-CSTD_TINH = Emulation Fighter of a Ministry, Central Body, Sector or Province
reg-title-CSTD_TQ = National Emulation Fighter
reg-title-TTLDTT = Advanced Labour Collective
reg-title-TTLDXS = Excellent Labour Collective
reg-title-CO_TINH = Emulation Flag of a Ministry, Central Body, Sector or Province
reg-title-CO_CP = Government Emulation Flag
reg-title-GIA_DINH_VH = Cultured Family
reg-title-THON_VH = Cultured Village / Residential Group
reg-title-XA_TIEU_BIEU = Model Commune / Ward / Town
reg-title-desc-LDTT = tasks completed well or better (Art. 24, Law 2022).
reg-title-desc-CSTDCS = the Advanced Worker title plus an excellent rating, an initiative, a research topic/project or combat ingenuity (Art. 23).
reg-title-desc-CSTD_TINH = the Grassroots Emulation Fighter title 3 times in a row and an initiative, a research topic/project or combat ingenuity with ministry- or province-wide effect (Art. 22).
reg-title-desc-CSTD_TQ = the ministry/sector/provincial Emulation Fighter title 2 times in a row and an initiative, a research topic/project or combat ingenuity with nationwide effect (Art. 21).
reg-title-desc-TTLDTT = tasks completed well, at least 70% of its members hold the Advanced Worker title (Art. 28).
reg-title-desc-TTLDXS = the collective completes its tasks excellently with practical, effective emulation; 100% of members complete their tasks, at least 70% hold the Advanced Worker title, at least one is a Grassroots Emulation Fighter; internal unity (Art. 27).
reg-title-desc-CO_TINH = the leading unit of its block or cluster this year (Art. 26).
reg-title-desc-CO_CP = outstanding among the leaders of blocks and clusters, the leader of a block or cluster run by a central body, or the leader of a movement launched by the Prime Minister for 5 years or more (Art. 25).
reg-title-desc-GIA_DINH_VH = assessed yearly, before 25/11 (Decree 86/2023).
reg-title-desc-THON_VH = assessed yearly, before 25/11 (Decree 86/2023).
reg-title-desc-XA_TIEU_BIEU = assessed yearly, before 25/11 (Decree 86/2023).
reg-title-desc-custom = this campaign's own honour.
reg-basis-EXCELLENT_RATING = Excellent task rating
reg-basis-INITIATIVE = Initiative
reg-basis-TOPIC = Research topic
reg-campaign-not-open = This campaign is not open for registration for your unit.
reg-no-campaigns = There is no campaign open for your unit right now.
reg-ask-campaign = Which campaign do you want to register for?
reg-no-titles-for-you = This campaign offers no title you can register for.
reg-ask-scope = <b>{ $campaign }</b>
    Are you registering yourself or, on behalf of your unit, the collective?
reg-scope-individual = 👤 Individual
reg-scope-collective = 👥 Collective: { $unit }
reg-existing = You have already registered (status: { $status }). Registering again edits that registration.
reg-status-SUBMITTED = submitted, awaiting approval
reg-status-RETURNED = returned for changes
reg-status-APPROVED = approved
reg-status-REJECTED = not approved
reg-status-WITHDRAWN = withdrawn
reg-edit = ✏️ Edit registration
reg-withdraw = ↩ Withdraw
reg-withdrawn = Your registration for “{ $campaign }” is withdrawn. You may register again before the deadline.
reg-ask-title = <b>{ $campaign }</b>
    Choose the title you are registering for:
reg-keep = Keep: { $value }
reg-current = Current: <b>{ $value }</b>
reg-ask-line-NUMBER = Content { $n }/{ $total }: <b>{ $line }</b>
    What do you commit to{ $unit }? Type a number (e.g. 3 or 12.5). Press “Skip” to leave this content out, “Done” to finish your commitments.
reg-ask-line-YES_NO = Content { $n }/{ $total }: <b>{ $line }</b>
    Do you commit to it? Choose “Yes” or “No”. Press “Skip” to leave this content out, “Done” to finish your commitments.
reg-ask-line-TEXT = Content { $n }/{ $total }: <b>{ $line }</b>
    Type your commitment briefly. Press “Skip” to leave this content out, “Done” to finish your commitments.
reg-hint-line-NUMBER = Please type a number (e.g. 3 or 12.5), or press “Skip” / “Done”.
reg-hint-line-YES_NO = Please press “Yes” or “No”, or “Skip” / “Done”.
reg-hint-line-TEXT = Please type the text, or press “Skip” / “Done”.
reg-ask-basis = The title <b>{ $title }</b> requires one of these criteria ({ $citation }). Which criterion do you plan to meet?
reg-ask-initiative = Type the title of your planned initiative:
reg-ask-topic = Type the title of your planned research topic:
reg-hint-initiative = Please type the title as text (at most 300 characters), or /cancel to stop.
reg-summary-title = <b>Registration — { $campaign }</b>
reg-summary-individual = For: individual ({ $unit })
reg-summary-collective = For: collective <b>{ $unit }</b>
reg-summary-danh-hieu = Title: <b>{ $title }</b>
reg-summary-no-commitments = Targets: (none)
reg-summary-commitments = Committed targets:
reg-summary-basis = Criterion you plan to meet: { $basis }
reg-summary-initiative = Initiative/topic: <b>{ $initiative }</b>
reg-done = ✅ Your registration for <b>{ $title }</b> in “{ $campaign }” is recorded. The emulation officer will review it.
reg-updated = ✅ Registration updated: <b>{ $title }</b> in “{ $campaign }”. It has been resubmitted for approval.
reg-closed = Registration has closed ({ $deadline }). If you have a good reason, contact { $contact }.
reg-closed-no-officer = your unit's emulation officer
reg-refused-title_not_offered = The campaign does not offer this title.
reg-refused-title_wrong_scope = This title is not for the chosen kind of registration.
reg-refused-collective_officer_only = Only the unit's emulation officer can register a collective title.
reg-refused-member_without_unit = You do not belong to a unit yet. Send /start to choose one.
reg-refused-registration_closed = Registration has closed.
reg-refused-already_registered = You have already registered for this campaign.
reg-refused-registration_rejected = Your registration was not approved, so you cannot register again. Contact your officer if needed.
reg-refused-basis_required = This title needs the criterion you plan to meet.
reg-refused-basis_not_allowed = The chosen criterion does not fit this title.
reg-refused-campaign_not_open = This campaign is no longer open.
reg-refused-not_in_audience = Your unit is not part of this campaign's audience.
reg-refused-not_found = Registration not found.
reg-return-flow-name = Returning a registration
reg-return-ask = Type the reason for returning registration #{ $id } (the registrant will see it):
reg-return-hint = Please type the reason as text, or /cancel to stop.
reg-returned = Registration #{ $id } returned. The registrant has been told the reason.
reg-approved = Registration #{ $id } approved. The registrant has been told.
reg-approved-toast = Approved
reg-decide-not_found = Registration not found.
reg-decide-out_of_scope = This registration is outside the units you are responsible for.
reg-decide-not_pending = This registration was withdrawn or is no longer awaiting a decision.
reg-decide-reason_required = A reason is needed to return a registration.
reg-notice-approved = ✅ Your registration for <b>{ $title }</b> (“{ $campaign }”) was approved by { $officer }.
reg-notice-returned = ↩ Your registration for <b>{ $title }</b> (“{ $campaign }”) was returned by { $officer } for changes.
    Reason: { $reason }
    Edit it with /register.
reg-digest-title = <b>New registrations — { $campaign }</b> ({ $count ->
        [one] 1 registration
       *[other] { $count } registrations
    }, as of { $at }):
reg-digest-line = #{ $id } { $who }{ $unit }: { $title }
reg-approve-button = ✔ Approve #{ $id }
reg-return-button = ↩ Return #{ $id }
my-title = <b>👤 Your emulation status</b>
my-none = There is no campaign open for your unit right now.
my-not-registered = Not registered — send /register to register.
my-reg-individual = Individual: <b>{ $title }</b> — { $status }
my-reg-collective = Collective { $unit }: <b>{ $title }</b> — { $status }
my-return-reason = Reason returned: { $reason }
my-reports = Reports sent: { $count } (this period: { $period })
my-next-deadline = Next deadline: { $what } — { $due } ({ $left })
my-days-left = { $days } days left
my-hours-left = { $hours } hours left
my-overdue = overdue
my-milestone-REGISTRATION = Registration
my-milestone-PROGRESS_REPORT = Progress report
my-milestone-MIDTERM_REVIEW = Mid-term review
my-milestone-FINAL_REVIEW = Final review
my-milestone-CUSTOM = Milestone
rep-flow-name = Progress report
rep-reviews-open = <b>Open review reports:</b>
rep-review-line = • { $kind } { $title } — { $campaign }, due { $due }
rep-review-MIDTERM_REVIEW = Mid-term review
rep-review-FINAL_REVIEW = Final review
rep-reviews-pointer = Send your unit's report with /review.
rep-no-campaigns = There is no campaign open for your unit right now.
rep-ask-campaign = Which campaign are you reporting on?
rep-no-period = “{ $campaign }” has no reporting period open right now.
rep-ask-line = <b>{ $campaign }</b> — period due { $due }
    Choose the line you are reporting on:
rep-ask-note = Any note to add? Type it or press “Skip”.
rep-hint-note = Please type the note as text, or press “Skip”.
rep-ask-evidence = Send photos or files as evidence (optional; if you have none, press “Done”). PDF, DOCX, XLSX, JPG, PNG, at most { $max } each. When finished press “Done” or type “done”.
rep-evidence-more = { $count } evidence files received. Send more, or press “Done”.
rep-hint-evidence = Please send a photo or a file (PDF, DOCX, XLSX, JPG, PNG), or press “Done”.
rep-evidence-too-large = The file { $name } ({ $size }) is over the { $max } limit. Please send a smaller one.
rep-evidence-type = The file “{ $name }” is not an accepted type. Only PDF, DOCX, XLSX, JPG, PNG.
rep-summary-title = <b>Progress report — { $campaign }</b>
rep-summary-line = Line: { $line }
rep-summary-value = Result: <b>{ $value }</b>
rep-summary-note = Note: { $note }
rep-summary-evidence = Evidence: { $count } files
rep-refused-campaign_not_open = This campaign is no longer open.
rep-refused-line_unknown = This line does not belong to the campaign.
rep-refused-no_open_period = The reporting period has closed.
rep-refused-evidence_too_large = An evidence file is over 20 MB.
rep-refused-evidence_type = An evidence file is not an accepted type.
rep-evidence-unknown = There is no report #{ $id }.
rep-evidence-header = Evidence of report #{ $id } — { $member }, “{ $line }” ({ $at }): { $count } files.
rep-evidence-none = No report with evidence in your units yet.
rep-evidence-list = Choose the report whose evidence you want:
cmd-newcampaign = Create a campaign
cmd-importcampaign = Import a campaign from a YAML/JSON file
cmd-announce = Send a campaign update

## Flows (src/flows): problems shown while re-asking one step, the same on every channel
flow-problem-no-file = This step needs a typed answer, not a file. Type your answer, or "cancel" to stop.
flow-problem-stale-choice = That choice is out of date. Please choose in the latest question.
flow-problem-choice = Choose with a button, or type the option's number (1–{ $count }) or its name. Type "back" to go back, "cancel" to stop.
flow-problem-number-invalid = I could not read a number. Type a number, e.g. 3 or 12.5.
flow-problem-number-negative = The number cannot be negative. Please type it again.
flow-problem-number-out-of-range = The number is too large or has too many decimals (at most 4). Please type it again.
flow-problem-date-invalid = That date is not on the calendar. Please type the date again (day/month/year, e.g. 30/06/2026).
flow-problem-date-format = That is not a date. Type it as day/month/year, e.g. 30/06/2026.
flow-problem-file = This step needs a file or a photo. Send it, or type "back" / "cancel".
flow-problem-text = Please type your answer.
flow-problem-first-step = This is the first question. Answer it, or type "cancel" to stop.
flow-text-hint-choice = Answer with the option's number or its name. 0 — back · "cancel" — stop.
flow-text-hint = "back" — previous question · "cancel" — stop.
# --- Reports and numbers (issue 8: evidence kept on correction, add/replace, two-way figures) ---
cv-number-exponent = Numbers in exponent form (like 1e9) are not accepted. Please type all the digits, e.g. 1,000,000,000.
cv-number-which = You typed “{ $typed }”: do you mean <b>{ $thousands }</b> or <b>{ $decimal }</b>?
    Press one, or type the number again without a thousands separator (e.g. 500000).
cv-number-which-hint = Please press one of the two choices above, or type the number again without a thousands separator (e.g. 500000 or 500).
rep-ask-mode = You already reported “{ $line }” this period: <b>{ $value }</b> (at { $at }, { $files ->
        [one] 1 evidence file
       *[other] { $files } evidence files
    }).
    Do you want to add a new result to that report, or correct (replace) it?
rep-mode-add = ➕ Add to the report already sent
rep-mode-replace = ✏️ Correct (replace) the report sent
rep-value-total-NUMBER = <b>{ $line }</b>
    Your total for this period so far{ $unit }? Type a number, e.g. 3 or 12.5.
rep-value-total-YES_NO = <b>{ $line }</b>
    Is it done so far this period? Choose “Yes” or “No”.
rep-value-total-TEXT = <b>{ $line }</b>
    Type what you have achieved this period so far:
rep-value-add-NUMBER = <b>{ $line }</b>
    What is NEW since your last report{ $unit }? It will be added to the { $previous } already reported. Type a number, e.g. 3 or 12.5.
rep-value-add-TEXT = <b>{ $line }</b>
    Type what is NEW since your last report; it is appended to the report already sent:
rep-value-replace-NUMBER = <b>{ $line }</b>
    Your total for the whole period so far{ $unit }, replacing the { $previous } already reported? Type a number, e.g. 3 or 12.5.
rep-value-replace-YES_NO = <b>{ $line }</b>
    Is it done so far this period (replacing “{ $previous }” already reported)? Choose “Yes” or “No”.
rep-value-replace-TEXT = <b>{ $line }</b>
    Type what you have achieved in the whole period so far; it replaces the report already sent:
rep-ask-keep-evidence = The report you sent has { $count ->
        [one] 1 evidence file
       *[other] { $count } evidence files
    }. Keep them (and add more if needed) or replace them with new files?
rep-keep-evidence = 📎 Keep the { $count ->
        [one] file
       *[other] { $count } files
    } already sent
rep-replace-evidence = 🔄 Replace with new files
rep-evidence-kept = ({ $count ->
        [one] The file
       *[other] The { $count } files
    } already sent stay; files you send now are added.)
rep-evidence-caption = Note with the file: “{ $caption }”
rep-summary-value-added = Result: <b>{ $value }</b> (added to the { $previous } already reported: total <b>{ $total }</b>)
rep-summary-value-appended = Added result: <b>{ $value }</b> (appended to the report already sent)
rep-summary-evidence-kept = Evidence: { $total } files ({ $kept } already sent, { $added } new)
rep-summary-evidence-replaced = Evidence: { $added } new files (replacing the { $dropped } sent before)
rep-summary-replaces = (This replaces the result reported this period: { $previous }.)
rep-saved-new = ✅ Report recorded for “{ $line }”: <b>{ $value }</b>. The report has { $files ->
        [one] 1 evidence file
       *[other] { $files } evidence files
    }. The period is due { $due }.
rep-saved-add = ✅ Added to the report for “{ $line }”: total this period <b>{ $value }</b>. The report has { $files ->
        [one] 1 evidence file
       *[other] { $files } evidence files
    }. You can add to or correct it until { $due }.
rep-saved-replace = ✅ Report corrected for “{ $line }”: <b>{ $value }</b>. The report has { $files ->
        [one] 1 evidence file
       *[other] { $files } evidence files
    }. You can add to or correct it until { $due }.
rep-refused-report_exists = While you were reporting, another report was sent for this line this period. Please open /report again to add to it or correct it.
rep-refused-report_changed = The report you were correcting changed in the meantime. Please open /report again to see the latest result.
rep-refused-cannot_add = A yes/no line cannot be added up; please choose to correct the report.
rep-refused-value_out_of_range = The total after adding is too large. Please check the number you typed.
flow-problem-number-exponent = Numbers in exponent form (like 1e9) are not accepted. Please type all the digits, e.g. 1,000,000,000.
flow-problem-number-ambiguous = This number reads two ways (e.g. is 500,000 five hundred thousand or 500?). Please type it again without a thousands separator, e.g. 500000 or 500.

# ---- Hostile or overly complex files (hardening: campaign and units files) ----
camp-err-nesting_too_deep = the file is nested more than { $max } levels deep (at line { $line }); a campaign file needs only a few levels — please check it is the right file
camp-err-yaml_aliases = the file uses YAML aliases (*name, at line { $line }) to repeat content more than { $max } times; please write the content out instead
units-error-file_too_deep = the file is nested more than { $max } levels deep; a units list needs only a few levels — please check it is the right file
units-error-file_aliases = the file uses YAML aliases (*name) to repeat content more than { $max } times; please write each unit out instead

# ---- Titles under the law in force (hardening: combat ingenuity basis) ----
reg-basis-COMBAT_INGENUITY = Combat ingenuity
reg-ask-combat = Type a short description of your planned combat ingenuity (in combat or in support of combat):

## Telegram's limits: paged buttons, digests in parts, /registrations (issue 8)
page-prev = ‹ Previous
page-next = Next ›
page-of = { $page }/{ $pages }
reg-digest-part = (part { $part }/{ $parts })
cmd-registrations = Review registrations
reg-list-title-SUBMITTED = <b>📥 Registrations awaiting approval</b> ({ $from }–{ $to } / { $total })
reg-list-title-APPROVED = <b>✔ Approved registrations</b> ({ $from }–{ $to } / { $total })
reg-list-title-RETURNED = <b>↩ Returned registrations</b> ({ $from }–{ $to } / { $total })
reg-list-line = #{ $id } <b>{ $who }</b>{ $unit } — { $title }
reg-list-detail = “{ $campaign }” · { $commitments } targets · { $at }
reg-list-hint = Press ✔ to approve, ↩ to return with a reason; the registrant is notified.
reg-list-empty-SUBMITTED = No registration is awaiting approval in your units.
reg-list-empty-APPROVED = No registration has been approved in your units yet.
reg-list-empty-RETURNED = No registration has been returned in your units.
reg-list-filter-SUBMITTED = 📥 Awaiting
reg-list-filter-APPROVED = ✔ Approved
reg-list-filter-RETURNED = ↩ Returned
reminder-summary-units-more = … and { $count } more units.
# Store outage (issue 8: hardening)
# ---- Store outage (hardening: PostgreSQL/Redis briefly unavailable) ----
store-resend = ⚠️ Our storage was briefly unavailable, so your last answer was not saved. Please send it again (or press the button again) in a moment.
## Authorization (issue 8): who may change what
unit-move-refused = You are the emulation officer of “{ $current }”. Moving to “{ $unit }” would widen the units you are responsible for, so you cannot move yourself; your unit is unchanged.
    An administrator or an officer responsible for both units can move you (command /moveunit): { $who }.
unit-move-who-officer = { $name } (officer of { $unit })
unit-move-who-admin = { $name } (administrator)
unit-move-who-none = the bot's administrators
cmd-moveunit = Move someone to another unit
moveunit-usage = Usage: /moveunit UNIT_CODE | full name. Example: /moveunit XA_A | Nguyen Van An
moveunit-choose = Choose who to move to <b>{ $unit }</b>:
moveunit-done = <b>{ $name }</b> has been moved from “{ $from }” to <b>{ $unit }</b>. This was recorded in the audit log.
reg-decide-forbidden = You are no longer allowed to decide on registrations. The attempt has been logged.
revoke-configured-admin = { $name } is an administrator through ADMIN_IDS; remove them from ADMIN_IDS and restart the bot to revoke this role.
revoke-admin-done = The administrator role of <b>{ $name }</b> has been revoked.
group-link-not-chat-admin = Only an administrator of this group who is also an emulation officer can link it to a unit. The attempt has been logged.
group-relink-ask = This group is linked to “{ $current }”. Move the link to <b>{ $unit }</b>? The group will then receive the new unit's announcements instead of the old one's.
group-relink-yes = ✔ Move to { $unit }
group-relink-no = ✖ Keep as is
group-relinked = ✅ The group's link has been moved from “{ $from }” to <b>{ $unit }</b>. This was recorded in the audit log.
group-relink-kept = The group's link is unchanged.
group-private-only = This command works only in a private chat with the bot. Please open a private chat with me to use it.
group-private-open = Open a private chat
revoke-admin-confirm = Revoke the administrator role of <b>{ $name }</b> ({ $unit })? They will become a member.
# --- Progress report on the channel-neutral flow model (issue 9) ---
# A text already in the member's language (composed by a flow) or data (a title on a button).
flow-verbatim = { $text }
review-flow-name = Unit review report

## Onboarding and profile as channel-neutral flows (issue 9: src/flows/onboarding.ts, src/flows/profile.ts)
onb-flow-name = Joining a unit
onb-choose-unit =
    { start-choose-unit }

    { unit-picker-title }
onb-unit-open = { $unit } ›
profile-name-flow-name = Changing your name
profile-unit-flow-name = Changing your unit
language-flow-name = Changing the language
language-option-vi = Tiếng Việt
language-option-en = English

## Granting and revoking the officer role as a channel-neutral flow (issue 9: src/flows/grant-role.ts)
grant-flow-name = Granting or revoking the officer role

## Outbox messages on a text-only channel (issue 9: src/messages/text.ts): actions as numbered lines
out-action-send = { $n }. { $label } — Send: { $command }
out-action-link = { $n }. { $label }: { $url }
out-cmd-register = register { $code }
out-cmd-report = report { $id }
out-cmd-review = review report { $id }
out-cmd-nudge = nudge { $id }
out-cmd-approve = approve { $id }
out-cmd-return = return { $id }
out-cmd-stop-broadcast = stop sending { $id }
## Linking Telegram and Zalo accounts (issue 10: src/flows/link.ts, src/services/identity-links.ts)
link-flow-name = Account linking
channel-name-TELEGRAM = Telegram
channel-name-ZALO = Zalo
link-code =
    Your link code: <b>{ $code }</b> (single use, valid until { $until }).
    { $channel ->
        [TELEGRAM] On Zalo, send: <code>LINK { $code }</code>
       *[other] On Telegram, send: <code>/link { $code }</code>
    }
    The two accounts become one: you get each announcement once.
link-code-format = A link code has 6 digits, e.g. /link 123456. Send /link without a code to get a new one.
link-wrong-code = That link code is not right. Check the 6 digits, or send /link on the other channel for a new code.
link-expired = That link code has expired (a code works for 10 minutes only). Send /link on the other channel for a new one.
link-locked = Too many wrong link codes. To protect your account, please try again after { $until }.
link-own-code = This code was made on { $channel }; send it on your other channel to link the two accounts.
link-already-linked = These two accounts are already linked.
link-same-channel = Cannot link: both accounts are on the same channel. Each person links one Telegram account with one Zalo account.
link-conflict =
    Both accounts registered for “{ $campaign }” ({ $n }/{ $total }):
    • On { $issuerChannel }: { $issuer }
    • On { $channel }: { $redeemer }
    Which registration do you keep? The other one is deleted.
link-conflict-side = { $title } — { $status }
link-keep = Keep the one on { $channel }
link-conflict-unresolved = Cannot link: both accounts registered for { $campaigns }. Send the code again to choose which registration to keep.
link-confirm =
    Merge this { $channel } account with the { $issuerChannel } account of <b>{ $name }</b> ({ $unit })?
    Name, unit and role stay those of the { $issuerChannel } account; registrations and reports made on { $channel } move over. This cannot be undone.
link-confirm-kept = • “{ $campaign }”: keep the registration on { $channel }
link-yes = 🔗 Merge accounts
link-done = ✅ Linked: <b>{ $name }</b> uses the bot on { $channels } as one person. Each announcement and reminder is sent once, to the channel you used last (change it in /settings).
cmd-link = Link Telegram and Zalo accounts
## Zalo: answering by text (src/channels/zalo/handler.ts)
zalo-start-welcome =
    Hello { $name }! 👋
    ThiĐua Bot (an automated assistant) helps you take part in your unit's emulation campaigns: register, report progress and get deadline reminders right here in Zalo.
zalo-not-joined = You have not joined a unit yet. Send your unit's invite code (your officer has it), or send “start” to pick your unit.
zalo-invite-invalid = This invite code is invalid or has been replaced. Please pick your unit from the list.
zalo-flow-busy = You are in the middle of “{ $flow }”. Answer the question above, or send “cancel” to stop.
zalo-unhandled = I did not understand that. Send “menu” to see what you can do.
zalo-unsupported = Sorry, I can only read text and photos. Send “menu” to see what you can do.
zalo-image-failed = I could not download this photo from Zalo. Please send it again.
zalo-evidence-on-telegram = The file “{ $name }” was sent on Telegram and is kept there: open the bot on Telegram and send /evidence { $id } to see it.
zalo-evidence-no-public-url = The photo “{ $name }” cannot be shown on Zalo until the administrator sets PUBLIC_URL for the bot.
zalo-evidence-not-photo = The file “{ $name }” is not a photo, so it cannot be sent on Zalo: see it on Telegram.
zalo-evidence-send-failed = One evidence photo could not be sent on Zalo. Please try again later.
zalo-action-register = { $label } — Send: register { $code }
zalo-menu =
    Send one of these words:
    • “register” — register for a campaign
    • “report” — report progress
    • “my” — my campaign status
    • “campaigns” — your unit's campaigns
    • “settings” — deadline reminders on/off
    • “help” — help
    While answering: “0” or “back” — previous question · “cancel” — stop.
zalo-help-words =
    On Zalo, commands can be sent as words: “register”, “report”, “my”, “campaigns”, “settings”, “profile”, “language”, “help”, “menu”, “cancel” (Vietnamese words work too, with or without diacritics). “DK campaign-code” opens registration for that campaign; send your unit's invite code to join it.
zalo-help-officer-words = Officers can also send: “newcampaign” — write a new campaign · “launch campaign-code” — preview and launch a draft · “registrations” — the registrations awaiting a decision · “approve number” / “return number” — decide one registration · “evidence number” — see the evidence photos of a report · “stats [campaign code]” — figures and chart per unit.
zalo-profile-words = Send “change name” to change your name, “change unit” to change your unit, “language” to change the language.
zalo-reg-decide = Send: { $approve } · { $return }
group-link-unknown-unit = No unit has this code. Send the unit's invite code or code, or nothing to link the group to your own unit.
group-link-out-of-scope = This unit is outside the units you manage, so the group cannot be linked to it.
zalo-group-relink-ask = This group is linked to “{ $current }”. To move the link to { $unit }, send: @{ $bot } linkgroup { $code } confirm
zalo-group-private-only = Hello! I work in private chat only: write to me privately to join, register or report. In a group, an emulation officer can send “@{ $bot } linkgroup” to link the group to a unit.

## Role changes (issue 12 #6)
out-role-granted = 🎖 { $by } has made you an emulation officer of “{ $unit }”.
    You can now:
    • create and launch campaigns for your unit and the units under it (/newcampaign, /importcampaign);
    • approve registrations (/registrations) and nudge those who have not acted (/nudge);
    • submit your unit's mid-term and final review reports (/review) and get your unit's invite code (/invite).
    Send /help for every command.
out-role-revoked = { $by } has withdrawn your { $from ->
        [ADMIN] admin
       *[other] emulation officer
    } role (unit “{ $unit }”).
    You can still register, report and see your own progress like every member; { $from ->
        [ADMIN] admin
       *[other] officer
    } commands no longer work for you.

## Joining after a launch (issue 12 #9)
onboarding-open-campaigns = { $count ->
        [one] One campaign is open for registration in your unit:
       *[other] { $count } campaigns are open for registration in your unit:
    }
    { $list }
    Register with /register; /campaigns lists them all.
onboarding-open-campaign = • “{ $title }”
onboarding-open-campaign-due = • “{ $title }” — register by { $due }
onboarding-register-button = 📝 Register for “{ $code }”

## Names typed in lower case (issue 12 #18)
name-case-ask = Write your full name as “{ $name }”?
name-case-use = ✔ { $name }
name-case-keep = Keep “{ $typed }”
name-case-hint = Choose one of the two spellings above, or type your full name again.

## A photo sent outside a flow (issue 12 #17)
rep-photo-offer = 📎 Photo received. It will be this progress report's evidence; if it is not evidence, send “cancel”.
rep-photo-word = photo

## First run: the first admin's setup (issue 12 #5)
setup-no-units =
    🛠 Welcome, admin! The bot has no units yet, so nobody can join. To set it up:
    1. Build the unit tree: send /importunits, then the units file (CSV, YAML or Excel .xlsx, see the README), or add units one by one with /addunit.
    2. Send /start to choose your own unit.
    3. Once people of the units have joined, make emulation officers with /grant.
    4. Send each unit's invite code or link (/invite) to its members.
setup-checklist =
    🛠 Setting up the bot:
    { $units ->
        [0] ☐
       *[other] ✅
    } Units: { $units } — add with /importunits or /addunit
    { $officers ->
        [0] ☐
       *[other] ✅
    } Emulation officers: { $officers } — appoint with /grant
    { $joined ->
        [0] ☐
        [1] ☐
       *[other] ✅
    } People who have joined: { $joined } — send units' invite codes (/invite) to members

## Fixing a returned registration, one part at a time (issue 12 #14)
reg-notice-fix = ✏️ Edit the registration
reg-existing-reason = Returned because: { $reason }
reg-ask-part = Which part do you want to change? The rest stays as it is.
reg-part-title = Title: { $title }
reg-part-empty = (none)
reg-part-basis = Criterion and initiative or topic
reg-part-all = Change everything from the start

## /my: progress against each commitment (issue 12 #16)
my-done-yes = yes — reported done
my-done-not-yet = yes — not reported done yet

## Units files: Excel and unknown groups (issue 12 #15)
import-old-excel = “{ $name }” is an old Excel .xls file. In Excel choose File › Save As › “Excel Workbook (.xlsx)” or “CSV UTF-8 (.csv)”, then send the new file.
import-xlsx-unreadable = “{ $name }” could not be read as an Excel workbook. Save it again as .xlsx or as “CSV UTF-8 (.csv)” and send it again.
units-error-group_unknown = emulation bloc/cluster “{ $value }” does not exist: create it first with /addgroup { $value } | Name, or declare it under groups: in a YAML file

## /invite by name (issue 12 #7)
invite-pick = Several units match “{ $query }”. Choose the unit to invite to:
## wizard (issue 12: campaign authoring in chat, draft editing)
wiz-step = <b>Step { $n }/{ $total }</b> —
wiz-keep = ✔ Keep "{ $value }"
wiz-previous = Entered before: "{ $value }". Press "Keep" to keep it or type a new value.
wiz-ask-code = Campaign code (used in the registration link): <code>{ $code }</code>. Press "Use this code" or type another (lowercase letters without accents, digits, hyphens).
wiz-code-ok = ✔ Use this code
wiz-code-invalid = "{ $value }" cannot be a code: it needs 3–40 lowercase letters without accents, digits and hyphens, e.g. "chao-mung-dai-hoi".
wiz-code-taken = The code "{ $value }" is used by another campaign. Type another code.
wiz-ask-issuer = Issuing body? (e.g. "Hau Giang Provincial People's Committee"; press your unit's name below or "Skip")
wiz-ask-kind = Kind of campaign?
wiz-kind-THEMATIC = Thematic drive (fixed period)
wiz-kind-REGULAR = Regular (yearly)
wiz-ask-description = A short description of the campaign's aims? (press "Skip" if not needed)
wiz-scope-INDIVIDUAL = individuals
wiz-scope-COLLECTIVE = collectives
wiz-reward-GIAY_KHEN = Certificate of merit (Giấy khen)
wiz-reward-GIAY_KHEN-of = Certificate of merit (Giấy khen) of { $issuer }
wiz-reward-BANG_KHEN = Certificate of commendation (Bằng khen)
wiz-reward-BANG_KHEN-of = Certificate of commendation (Bằng khen) of { $issuer }
wiz-title-add-custom = ➕ Another title
wiz-ask-custom-name = Type the name of the campaign's own title or award (e.g. "Công dân Đồng Khởi").
wiz-ask-custom-scope = Is "{ $name }" for individuals or collectives?
wiz-criteria-so-far = Content lines so far:
wiz-ask-target = What is the target for "{ $title }"{ $unit ->
    [none] {""}
   *[other] {" "}({ $unit })
}? Type a number, or press "Skip" for no target.
wiz-target-invalid = "{ $value }" is not a number. Type a number, e.g. 12 or 1.234,5.
wiz-ms-so-far = Milestones so far ({ $count }):
wiz-ms-series = { $repeat }, { $count } times: { $dates }
wiz-ms-remind = reminders: { $offsets }
wiz-remind-default-short = default (7 days, 2 days, 4 hours)
wiz-remind-none = no reminders
wiz-ask-ms-name = Name of this "{ $kind }" milestone (e.g. "Six-month review")? Press "Skip" to use the general name.
wiz-ask-repeat = Does this milestone repeat (first on { $due })?
wiz-repeat-none = No repeat
wiz-repeat-monthly = Monthly
wiz-repeat-quarterly = Quarterly
wiz-repeat-yearly = Yearly
wiz-ask-until = Repeat { $repeat } until which date (day/month/year)? Press "Until the end" to repeat until { $ends }.
wiz-until-end = Until the end
wiz-preview-kind = Kind: { $kind }
wiz-preview-description = Description: { $text }
camp-edit-field-issuer = Issuing body
camp-edit-field-description = Description
camp-edit-field-kind = Kind
camp-edit-field-titles = Titles and awards
camp-edit-field-criteria = One content line
camp-edit-field-milestones = One milestone
camp-edit-ask-issuer = Type the new issuing body.
camp-edit-ask-description = Type the new description.
camp-edit-ask-kind = Choose the kind of campaign.
camp-edit-ask-titles = Press to select/unselect titles and awards (or type numbers), then "✔ Done". { $count } selected.
camp-edit-ask-criterion = Which content line? (or add a new one)
camp-edit-ask-milestone = Which milestone? (or add a new one)
camp-edit-add = ➕ Add new
camp-edit-ask-part = What should change in "{ $item }"?
camp-edit-part-c-title = Wording
camp-edit-part-c-measure = How it is measured
camp-edit-part-c-unit = Unit of measure
camp-edit-part-c-target = Target
camp-edit-part-c-remove = 🗑 Remove this line
camp-edit-part-m-due = Deadline
camp-edit-part-m-title = Name
camp-edit-part-m-repeat = Repeat
camp-edit-part-m-remind = Reminders
camp-edit-part-m-remove = 🗑 Remove this milestone
camp-edit-ask-c-title = Type the new wording.
camp-edit-ask-c-measure = How is this line measured?
camp-edit-ask-c-unit = Type the new unit of measure (e.g. sessions, km, initiatives).
camp-edit-ask-c-target = Type the new target (a number).
camp-edit-ask-c-remove = Remove this line from the draft?
camp-edit-ask-c-add-title = Type the new content line.
camp-edit-ask-c-add-measure = How is the new line measured?
camp-edit-ask-m-due = Type the new deadline (e.g. 15/12/2026 17:00), between { $starts } and { $ends }.
camp-edit-ask-m-title = Type the milestone's new name (e.g. "Six-month review").
camp-edit-ask-m-repeat = How does this milestone repeat?
camp-edit-ask-m-until = Repeat { $repeat } until which date (day/month/year)? Press "Until the end" to repeat until { $ends }.
camp-edit-ask-m-remind = How long before the deadline to remind? Type e.g. "7 days, 2 days, 4 hours", "7d 2d 4h" or "1 week"; "0" for none.
camp-edit-ask-m-remove = Remove this milestone from the draft?
camp-edit-ask-m-add-kind = What kind of milestone?
camp-edit-ask-m-add-due = The new milestone's deadline (e.g. 15/12/2026 17:00), between { $starts } and { $ends }?
camp-edit-current = Now: "{ $value }"
camp-edit-clear = Leave empty
camp-edit-remove-confirm = 🗑 Remove
camp-edit-remove-help = Press "🗑 Remove" to remove it, or "‹ Back".
camp-edit-invalid = This change was not saved:
camp-edit-last_criterion = A campaign needs at least one content line: the last one cannot be removed.
## Stats (/stats, «thống kê»: src/insight/stats-message.ts, src/insight/chart.ts)
cmd-stats = Campaign figures and chart per unit
stats-header = 📊 <b>Campaign figures — { $campaign }</b>
stats-at = Figures as of { $at }
stats-at-subtree = Figures as of { $at }, units you manage
stats-period = Current reporting period: due { $deadline }
stats-total = <b>Total</b>: { $registered }/{ $audience } people registered ({ $share }%)
stats-unit = 🏢 <b>{ $unit }</b>: { $registered }/{ $audience } people registered ({ $share }%)
stats-unit-empty = 🏢 <b>{ $unit }</b>: no members yet
stats-titles = Titles registered: { $titles }
stats-title-count = { $title }: { $count }
stats-collective = Collective title registered: { $title }
stats-reports = Reports this period: { $reports } from { $reporters } people
stats-line = • { $line }: { $reported }/{ $target }{ $unit } achieved; { $reached }/{ $committed } people reached their target
stats-line-yes-no = • { $line }: { $reported } people done; { $reached }/{ $committed } of those who committed
stats-reach = Unreachable: { $unreachable } · Reminders off: { $optedOut }
stats-laggards-registration-count = Not registered: { $count } people
stats-laggards-report-count = No report this period: { $count } people
stats-laggards-registration = ⏳ Not registered: { $names }
stats-laggards-report = ⏳ No report this period: { $names }
stats-nudge-button = 🔔 Remind the { $count } who have not acted
stats-chart-registered = Registered (% of the unit's people)
stats-chart-reached = Targets reached (% of targets committed)
stats-chart-caption = 📊 { $campaign }: registration and targets reached per unit
stats-chart-omitted = The chart shows the first { $shown } units; the other { $omitted } are in the figures above.
stats-chart-failed = The chart could not be drawn just now; the figures above are complete.
stats-chart-no-public-url = The chart cannot be sent on Zalo because the server has no public address (PUBLIC_URL). See it on Telegram or tell an administrator.
stats-none = No launched campaign reaches the units you manage yet, so there are no figures to show.
stats-unknown = No campaign with code “{ $code }” reaches the units you manage. Send the command without a code to pick from the list.
stats-not-launched = This campaign has not been launched, so it has no figures yet.
stats-out-of-scope = None of this campaign's units are among the units you manage.
stats-pick-list = <b>Campaign figures</b>
stats-pick = Tap a button or type the number of the campaign whose figures you want.
## honours (vinh danh: the honour roll, src/flows/honours.ts, src/services/honours.ts)
cmd-honours = Honour roll: record and publish who was honoured
help-officer-honours = /honours [campaign code] — the honour roll after the final review: pick from approved registrations, type a list or send the decision's CSV/XLSX; preview, then publish.
zalo-help-officer-honours = “honours” (or “honours campaign-code”) — record who was honoured after the final review, then publish it to the units and congratulate each person.
honours-flow-name = honour roll
honours-cancelled = Cancelled; the honour roll was not published.
honours-pick-campaign = The honour roll of which campaign?
honours-campaign-not-found = No launched campaign with this code within your scope.
honours-no-campaigns = There is no launched campaign within your scope to honour people in yet.
honours-ask-mode = Honour roll — { $campaign }. How do you want to give the list of people honoured?
honours-mode-pick = ☑ Pick from approved registrations
honours-mode-type = ✍ Type a list
honours-mode-file = 📎 Send a CSV/XLSX file
honours-no-candidates = No individual registration has been approved within your scope. Type a list or send a file instead.
honours-ask-pick = Pick the people honoured ({ $count }/{ $total } picked): tap a name to pick or unpick it, or type the numbers (e.g. “1 3 5-7”). Then tap “✔ Done”.
honours-pick-all-title = Pick all: { $title }
honours-pick-all = Pick everyone
honours-pick-done = ✔ Done
honours-pick-wrong = There is no number { $numbers } in the list. Please type numbers from 1 to { $max }.
honours-pick-none = You have not picked anyone yet. Tap the names of the people honoured, or type their numbers.
honours-ask-decision = The number and date of the award decision, e.g. “123/QĐ-UBND 15/12/2026” (day/month/year). No decision yet? Choose “Skip”.
honours-decision-skip = ⏭ Skip
honours-ask-list =
    Type the list, one person or collective per line: full name (or member code, e.g. #12), or a unit's name or code; title or commendation; decision number; decision date. The last two are optional; separate with “;”, “|” or commas. For example:
    Nguyễn Văn An; Lao động tiên tiến; 123/QĐ-UBND; 15/12/2026
    Trần Thị Bình; Giấy khen; 124/QĐ-UBND 15/12/2026
    Xã Đồng Khởi; Tập thể lao động tiên tiến; 125/QĐ-UBND; 15/12/2026
honours-ask-file = Send the decision's list as a file (CSV or XLSX), columns: full name, member code, or a unit's name or code (a collective); title; decision number; decision date. A header row, if any, is skipped.
honours-file-type = “{ $name }” is not a CSV or XLSX file. Please send a .csv or .xlsx file.
honours-file-unreadable = “{ $name }” could not be read. Check the file (saved as .xlsx, or .csv in UTF-8) and send it again.
honours-list-empty = The list has nobody in it. Please send the list again.
honours-list-errors = { $count ->
    [one] The list has 1 thing to fix; nothing was recorded. Fix it and send the whole list again:
   *[other] The list has { $count } things to fix; nothing was recorded. Fix them and send the whole list again:
}
honours-error-missing-title = no title after the name “{ $value }”
honours-error-missing-name = no name
honours-error-bad-date = “{ $value }” is not a valid date (day/month/year, e.g. 15/12/2026)
honours-error-too-many-fields = { $value } fields, more than 4 (name; title; decision number; date)
honours-error-too-many-rows = the list has more than { $value } people; send it in several parts
honours-preview-header = <b>🏆 Honour roll preview — { $campaign }</b> ({ $who })
honours-line-no = [line { $line }]
honours-preview-line = • { $line }{ $name }{ $unit }: { $title }{ $decision }
honours-preview-free-text = Titles the campaign does not offer are recorded exactly as you wrote them.
honours-preview-left-out = ⚠ { $count } lines will not be published:
honours-problem-unmatched = nobody of this name within your scope
honours-problem-ambiguous = several people have this name; write the member code (e.g. #12)
honours-problem-duplicate = repeats a line above
honours-problem-already = already honoured with this title
honours-preview-published-before = ⚠ This campaign's honour roll already has { $count } published awards (last on { $date }). Publishing again sends another announcement to everyone.
honours-preview-confirm = Tap “Publish” to announce the honour roll to the units and congratulate each person.
honours-preview-nothing = Nobody to publish. Choose “Start over”.
honours-publish = 🏆 Publish
honours-publish-again = 🏆 Publish once more
honours-redo = ✏ Start over
honours-published = Honour roll published for { $awards } people: announced to { $members } recipients and { $groups } groups; { $congratulated } personal congratulations.
honours-already-published = This campaign's honour roll already has { $count } published awards. Open the honour roll again to confirm publishing more.
honours-nothing-new = Everyone on the list was already honoured; nothing new to publish.
honours-decision-full = by Decision No. { $number } of { $date }
honours-decision-number = by Decision No. { $number }
honours-decision-date = by the decision of { $date }
honours-roll-header = <b>🏆 Honour roll — { $campaign }</b>
    Final review: { $count } people honoured:
honours-roll-line = • { $name }{ $unit }{ $decision }
honours-roll-more = … and { $count } more.
honours-roll-footer = Congratulations to all of you! Let every unit learn from and spread these examples.
honours-congrats =
    🎉 <b>Congratulations, { $name }!</b>
    You have been honoured: <b>{ $title }</b>, campaign “{ $campaign }”.{ $decision }
    Thank you for your contribution to the campaign.
my-awards-title = <b>🏆 Awards</b>
my-award-line = • { $title } — { $campaign }{ $decision }
## zalo-gaps: officers' and admins' words on Zalo, lists to pick from, Telegram-kept photos
pick-flow-name = picking from a list
zalo-files-via-telegram = Zalo cannot send files to the bot. Send campaign files (YAML/JSON) to the bot on Telegram (/importcampaign); on Zalo, send “newcampaign” to write one step by step.
zalo-camp-unknown = There is no campaign with code “{ $code }”.
zalo-camp-pick-edit = Which draft campaign do you want to edit?
zalo-camp-none-edit = There is no draft campaign in your units to edit.
zalo-camp-pick-close = Which campaign do you want to close?
zalo-camp-none-close = There is no running campaign in your units to close.
zalo-camp-pick-archive = Which campaign do you want to archive?
zalo-camp-none-archive = There is no campaign to archive (a running campaign must be closed first).
zalo-camp-draft-words = Send: “launch { $code }” to launch · “edit campaign { $code }” to edit more · “archive campaign { $code }” to archive.
zalo-review-choose = Choose the milestone to submit the review of “{ $unit }” for:
zalo-addunit-usage = How to send: add unit CODE | Unit name | PARENT_CODE (optional) | GROUP_CODE (optional) | open, invite or approval (joining policy, optional; default invite). Example: add unit XA_B | Binh Thanh commune | BENTRE
zalo-moveunit-usage = How to send: move unit UNIT_CODE | full name. Example: move unit XA_A | Nguyen Van An
zalo-invite-code =
    Invite code for { $unit }: { $code }
    Whoever sends this code to the bot on Zalo (or on Telegram: /start u_{ $code }) joins the unit.
zalo-evidence-telegram-failed = The file “{ $name }” could not be fetched from Telegram right now: try again later, or open the bot on Telegram and send /evidence { $id }.
zalo-help-officer-more = Managing campaigns: “edit campaign [code]” · “announce [code]” — a follow-up announcement · “close campaign [code]” · “archive campaign [code]” (without a code: pick from a list) · “nudge” — remind those behind · “review” — your unit's review report · “evidence” — pick a report to see its evidence · “units” · “invite [unit code]” · “move unit CODE | full name”. Campaign files: send them on Telegram.
zalo-help-admin-words = Admins can also send: “add unit CODE | Name | PARENT_CODE” · “grant [name]” / “revoke [name]” — the officer role · “audit” — recent actions.
## export (issue 11: /export, the tổng kết workbook)
cmd-export = Export the campaign's figures to Excel
export-flow-name = Excel export
export-pick = Which campaign's figures do you want to export?
export-none = No launched campaign in the units you manage has figures to export yet.
export-not-found = No campaign has this code.
export-not-launched = This campaign has not been launched, so it has no figures to export yet.
export-out-of-scope = This campaign is outside the units you manage. The attempt has been logged.
export-queued = ⏳ Building the Excel file “{ $title }”… It will be sent to you as soon as it is ready.
export-ready = 📊 Excel figures for “{ $title }”: sheets Summary, Registrations, Reports ({ $reports } rows), Not done, Unit reports, Awards.
export-failed = ⚠️ The Excel file could not be built. Please try again in a few minutes; if it still fails, tell an administrator.
export-refused = You no longer have the right to export figures, so the Excel file was not built. The attempt has been logged.
export-link = Download the file (link valid for 24 hours): { $url }
export-no-link = The file cannot be sent on Zalo yet: an administrator needs to set PUBLIC_URL for the bot. You can get it on Telegram (/export).
export-too-large = The file is over 50 MB, which Telegram does not accept: an administrator needs to set PUBLIC_URL so a download link can be sent.
export-sheet-summary = Summary
export-sheet-registrations = Registrations
export-sheet-reports = Reports
export-sheet-laggards = Not done
export-sheet-reviews = Unit reports
export-col-unit = Unit
export-col-unit-code = Unit code
export-col-members = Members
export-col-registered = Registered
export-col-registered-share = Share registered
export-col-approved = Approved
export-col-reports = Reports
export-col-evidence = Evidence files
export-col-registration = Registration no.
export-col-name = Full name
export-col-scope = Individual/Collective
export-col-title = Title registered for
export-col-status = Status
export-col-registered-at = Registered on
export-col-decided-at = Approved on
export-col-report = Report no.
export-col-reported-at = Reported at
export-col-period = Reporting period
export-col-period-due = Period due
export-col-line = Content line
export-col-measure = Unit of measure
export-col-value = Result
export-col-note = Note
export-col-milestone = Milestone
export-col-due = Due
export-col-submitted-by = Submitted by
export-col-submitted-at = Submitted on
export-col-figures = Key figures
export-col-files = Attached files
export-scope-INDIVIDUAL = Individual
export-scope-COLLECTIVE = Collective
export-status-SUBMITTED = Awaiting approval
export-status-RETURNED = Returned
export-status-APPROVED = Approved
export-status-REJECTED = Rejected
export-status-WITHDRAWN = Withdrawn
export-yes = Yes
export-no = No
export-col-by-title = Reg. { $title }
export-col-collective = Collective registration
export-col-period-reports = Reports this period
export-col-period-reporters = Members who reported this period
export-col-line-reported = { $line }: done
export-col-line-target = { $line }: target
export-col-line-reached = { $line }: members reaching target
export-col-targets-reached = Share of targets reached
export-col-unreachable = Unreachable
export-col-opted-out = Reminders off
export-col-laggards = Not done yet
export-total = Total
## Amending a launched campaign (issue 12, item 3)
cmd-amend = Correct or extend a campaign
amend-button = ✏️ Correct / extend
amend-flow-name = Correcting or extending a campaign
amend-none = You manage no running campaign to correct or extend.
amend-pick = Which campaign do you want to correct or extend?
amend-open-not_found = No campaign has this code. Check the code in /campaigns.
amend-open-not_launched = Only a running campaign can be corrected or extended. Edit a draft directly in /campaigns.
amend-open-out_of_scope = This campaign is outside your scope, so you cannot correct or extend it.
amend-open-forbidden = Only the campaign's officers or an administrator can correct or extend a campaign.
amend-ask-what =
    What do you want to change in <b>{ $title }</b>?
    (Deadlines are not shortened and launched content lines are not deleted: that takes a new decision by the issuing body.)
amend-ask-what-extend =
    What do you want to extend in <b>{ $title }</b>?
    (Deadlines only move later; an announced deadline is never shortened.)
amend-kind-deadline = Extend a deadline (registration, report…)
amend-kind-end = Extend the campaign period
amend-kind-title = Correct the title
amend-kind-slogan = Correct the slogan
amend-kind-description = Correct the description
amend-kind-line = Correct the wording of a content line
amend-kind-add-line = Add a content line
amend-no-targets-deadline = This campaign has no deadline to extend.
amend-no-targets-line = This campaign has no content line to correct.
amend-ask-target-deadline = Which deadline?
amend-ask-target-line = Which content line?
amend-ask-deadline =
    Current deadline: <b>{ $current }</b>.
    Type the new deadline, later than the current one (e.g. 30/06/2026 or 17:00 30/06/2026; a date alone keeps the time).
amend-ask-end =
    The campaign currently ends on <b>{ $current }</b>.
    Type the new end date, later than the current one (day/month/year, e.g. 31/12/2026).
amend-ask-title =
    Current title: { $current }
    Type the correct title.
amend-ask-slogan =
    Current slogan: { $current }
    Type the correct slogan.
amend-ask-description =
    Current description:
    { $current }

    Type the whole corrected description.
amend-ask-line =
    Current wording: { $current }
    Type the correct wording (how it is measured and the targets already registered stay).
amend-ask-add-line = Type the content line to add (one line).
amend-refused-shortens = An announced deadline cannot be shortened: people are working to the old one and could miss it without knowing. Shortening takes a new decision by the issuing body, announced separately (/announce). Type a later date, or send /cancel.
amend-refused-due_in_past = That time has passed. Type a deadline in the future.
amend-refused-after_end = The new deadline is after the campaign ends. Choose «Extend the campaign period» first, then extend this deadline.
amend-refused-unchanged = That is exactly what it is now; there is nothing to correct. Type the new value, or send /cancel.
amend-refused-text_invalid = The text is empty or too long. Please type it again.
amend-refused-not_found = That deadline or content line is no longer in the campaign. Send /cancel and start again.
amend-refused-not_launched = The campaign is no longer running, so it cannot be corrected or extended.
amend-refused-out_of_scope = This campaign is outside your scope, so you cannot correct or extend it.
amend-refused-forbidden = Only the campaign's officers or an administrator can correct or extend a campaign.
amend-preview-intro = Preview of the notice people will receive:
amend-confirm = It goes to <b>{ $members }</b> people who received the launch announcement and <b>{ $groups }</b> groups. Those not reached yet get the corrected announcement instead. Confirm?
amend-confirm-reminders = Reminders are planned again for the new deadline; reminders for the old one not yet sent are withdrawn.
amend-confirm-add-line = From now on registrations set a target for this line too; people already registered can register again to add it.
amend-choice-send = ✔ Save and send the notice
amend-choice-cancel = ✖ Cancel
amend-cancelled = Cancelled: the campaign is unchanged and no notice was sent.
amend-done-extend = ✅ Extended. The notice is being sent to { $members } people and { $groups } groups; reminders are planned for the new deadline.
amend-done-correct = ✅ Corrected. The notice is being sent to { $members } people and { $groups } groups.
amend-notice-head-extend = 📅 <b>EXTENSION</b> — campaign “{ $title }”
amend-notice-head-correct = ✏️ <b>CORRECTION</b> — campaign “{ $title }”
amend-notice-head-add = 📌 <b>NEW CONTENT LINE</b> — campaign “{ $title }”
amend-deadline-REGISTRATION = The registration deadline
amend-deadline-PROGRESS_REPORT = The progress report deadline
amend-deadline-MIDTERM_REVIEW = The mid-term review deadline
amend-deadline-FINAL_REVIEW = The final review deadline
amend-deadline-CUSTOM = The milestone
amend-notice-deadline = { $what } is moved to <b>{ $to }</b> (was { $from }).
amend-notice-end = The campaign now runs until the end of <b>{ $to }</b> (was { $from }).
amend-field-title = The title
amend-field-slogan = The slogan
amend-field-line = The content line
amend-notice-text = { $field } now reads: “{ $to }” (it read: “{ $from }”).
amend-notice-text-new = { $field } is added: “{ $to }”.
amend-notice-description = The campaign's description now reads:
amend-notice-add = New content line: “{ $line }”.
amend-notice-add-how = If you have registered, register again to set a target for it; your other targets are kept.
amend-notice-rest = Everything else in the campaign stays as it was.
zalo-help-amend-words = Running campaigns: «extend campaign-code» — move a deadline or the end later · «amend campaign-code» — correct the title, slogan, a content line's wording, or add a content line.
## Wording review (issue 12: ../shared/WORDING.md)
# Whom to contact, as one phrase inside reg-closed.
reg-closed-officer = the emulation officer <b>{ $name }</b>
units-group-line = • { $name } (emulation { $kind ->
        [BLOCK] block
       *[other] cluster
    }) <code>{ $code }</code>: { $count ->
        [one] 1 unit
       *[other] { $count } units
    }
## Joining policy per unit (issue 12 #8)
join-policy-OPEN = 🔓 anyone may choose it
join-policy-INVITE_ONLY = 🔑 invite code only
join-policy-APPROVAL = ✋ an officer approves who joins
unit-invite-only = Unit “{ $unit }” only takes people with its invite code. Ask the unit's emulation officer for the invite code or link, or choose another unit.
join-request-sent = 📨 Unit “{ $unit }” has its emulation officers approve who joins. Your request to join has been sent; you will be told when it has been decided.
join-request-replaced = 📨 Your request to join unit “{ $unit }” has been sent to its emulation officers; your earlier request (unit “{ $previous }”) was withdrawn. You will be told when it has been decided.
join-request-pending = ⏳ Your request to join unit “{ $unit }” is waiting for an officer's approval. Choosing another unit replaces it with a new request.
join-no-name = (no name yet)
out-join-request =
    🙋 Request to join a unit #{ $id }
    { $name } asks to join unit “{ $unit }” ({ $via ->
        [INVITE] with its invite code
       *[other] chosen from the list of units
    }).
    Please approve or decline the request.
join-approve-button = ✔ Approve #{ $id }
join-decline-button = ✖ Decline #{ $id }
out-join-approved = ✅ Your request to join has been approved: you are now a member of unit “{ $unit }”.
out-join-declined =
    { $hasReason ->
        [yes] Your request to join unit “{ $unit }” was not approved. Reason: { $reason }
       *[other] Your request to join unit “{ $unit }” was not approved.
    }
    You can contact the unit's emulation officer, or send /start to choose another unit.
join-approved = ✅ Approved: { $name } joins unit “{ $unit }”. They have been told.
join-declined = Declined the request of { $name } to join unit “{ $unit }”. They have been told.
join-request-gone = This request is no longer waiting (it was decided, or the person chose another unit).
join-decline-flow-name = declining a join request
join-decline-ask = Why is join request #{ $id } declined? The person will read the reason. Type it, or choose “No reason given”.
join-decline-hint = Please type the reason, or choose “No reason given”.
join-decline-no-reason = No reason given
joins-title = <b>Join requests waiting</b> ({ $count }/{ $total })
joins-line = #{ $id } { $name } → “{ $unit }” ({ $via ->
        [INVITE] invite code
       *[other] chosen
    }) — { $at }
joins-empty = No join requests are waiting in your units.
zalo-join-decide = Send: { $approve } · { $decline }
out-cmd-approve-join = approve join { $id }
out-cmd-decline-join = decline join { $id }
joinpolicy-usage =
    Usage: /joinpolicy UNIT_CODE open | invite | approval
    • open — anyone may choose the unit in the list
    • invite — only its invite code or link (/invite) joins
    • approval — whoever chooses it or uses its invite waits for an emulation officer's approval
joinpolicy-done = Joining policy of unit “{ $unit }” set: { $policy } ({ $word }).
addunit-join = Joining policy: { $policy }. Change it with /joinpolicy { $code } open | invite | approval.
cmd-joins = Join requests waiting
cmd-joinpolicy = A unit's joining policy
help-officer-joins =
    /joins — approve or decline requests to join your units
    /joinpolicy CODE open | invite | approval — who may join a unit: anyone, invite code only, or with approval
    /addressform CODE Đồng chí | Anh/Chị — how the bot addresses the unit's people in Vietnamese (and the units below it that have not chosen)
zalo-help-join-words = Joining units: “join requests” — the waiting list · “approve join N” / “decline join N” · “joinpolicy CODE open | invite | approval”.
units-error-join_invalid = joining policy “{ $value }” is not valid (use open, invite or approval)

## Form of address (issue 12 #19)
cmd-addressform = How the bot addresses a unit's people
addressform-usage =
    Usage: /addressform UNIT_CODE Đồng chí | Anh/Chị (on Zalo: «xưng hô UNIT_CODE anh/chị»).
    The bot addresses the unit's people in Vietnamese this way, and those of the units below it that have not chosen. Default: “Đồng chí”.
addressform-done = From now on the bot addresses the people of “{ $unit }” as “{ $form }” in Vietnamese. The change is in the audit log.
## officer-daily: nudge preview, announcement attachments, audit sentences (issue 12 #11–13)
nudge-flow-name = reminding those behind
nudge-preview-head = 🔔 <b>Reminder preview</b> — { $what } (campaign “{ $title }”, due { $due }).
    { $count ->
        [one] 1 person has not done it yet
       *[other] { $count } people have not done it yet
    }, in { $units ->
        [one] 1 unit
       *[other] { $units } units
    }:
nudge-preview-unit = <b>{ $unit }</b> ({ $count ->
        [one] 1 person
       *[other] { $count } people
    })
nudge-preview-confirm = Send a reminder to { $count ->
        [one] 1 person
       *[other] { $count } people
    } in { $units ->
        [one] 1 unit
       *[other] { $units } units
    }? Nothing is sent until you confirm.
nudge-btn-confirm = 🔔 Send reminder ({ $count })
audit-t-campaign = the campaign “{ $title }”
audit-t-registration = the registration of { $name } (campaign “{ $title }”)
audit-t-report = the report of { $name } (campaign “{ $title }”)
audit-t-milestone = { $what } — campaign “{ $title }”
audit-actor-system = The system
audit-actor-telegram = Telegram user { $id }
audit-actor-zalo = Zalo user { $id }
audit-actor-unknown = Someone unknown
audit-refused = { $sentence }: refused, { $reason }
audit-reason-forbidden = no permission
audit-reason-out_of_scope = outside the units they are responsible for
audit-reason-no_unit = the officer has no unit
audit-reason-not_found = not found
audit-reason-not_launched = the campaign is no longer running
audit-reason-not_officer = that person is not an officer
audit-reason-not_draft = the campaign is no longer a draft
audit-reason-not_in_audience = outside the campaign's audience
audit-reason-not_yours = not theirs to do
audit-reason-code_taken = the code is already used
audit-reason-other = conditions not met
audit-do-other = { $actor } did “{ $action }”{ $hasTarget ->
        [yes] {" "}on { $target }
       *[no] {""}
    }
audit-do-audit-view = { $actor } viewed the audit log
audit-do-broadcast-stop = { $actor } stopped a broadcast
audit-do-campaign-announce = { $actor } sent a follow-up announcement of { $target }
audit-do-campaign-archive = { $actor } archived { $target }
audit-do-campaign-close = { $actor } closed { $target }
audit-do-campaign-create = { $actor } drafted { $target }
audit-do-campaign-edit = { $actor } edited { $target }
audit-do-campaign-import = { $actor } imported { $target } from a file
audit-do-campaign-launch = { $actor } launched { $target }
audit-do-campaign-view = { $actor } opened { $target }
audit-do-group-create = { $actor } created the emulation group { $target }
audit-do-group-link = { $actor } linked the group chat { $target } to a unit
audit-do-group-relink = { $actor } relinked the group chat { $target }
audit-do-group-keep = { $actor } kept the link of the group chat { $target }
audit-do-member-link = { $actor } linked their Telegram and Zalo accounts
audit-do-member-link-code = { $actor } created an account link code
audit-do-member-move = { $actor } moved { $target } to another unit
audit-do-member-unit-change = { $actor } changed their own unit
audit-do-registration-approve = { $actor } approved { $target }
audit-do-registration-list = { $actor } viewed the registrations
audit-do-registration-return = { $actor } returned { $target }
audit-do-reminders-nudge = { $actor } reminded those behind on { $target }
audit-do-report-evidence = { $actor } viewed the evidence of { $target }
audit-do-review-open = { $actor } opened their unit's review reports
audit-do-review-status = { $actor } checked who has sent { $target }
audit-do-review-submit = { $actor } sent { $target }
audit-do-role-demote = The system removed the admin role of { $target } (no longer in ADMIN_IDS)
audit-do-role-grant = { $actor } made { $target } an officer
audit-do-role-revoke = { $actor } revoked the officer role of { $target }
audit-do-unit-create = { $actor } added the unit { $target }
audit-do-unit-import = { $actor } imported the units from a file
audit-do-unit-invite = { $actor } created an invite link to { $target }
audit-do-units-view = { $actor } viewed the unit tree
audit-do-join-list = { $actor } viewed the join requests
audit-do-member-join-approve = { $actor } approved a join request
audit-do-member-join-decline = { $actor } declined a join request
audit-do-member-join-request = { $actor } asked to join { $target }
audit-do-unit-join_policy = { $actor } changed how people join { $target }
audit-do-campaign-amend = { $actor } amended { $target }
audit-do-export-request = { $actor } asked for an Excel export{ $hasTarget ->
        [yes] {" "}of { $target }
       *[no] {""}
    }
audit-do-export-xlsx = { $actor } received an Excel export{ $hasTarget ->
        [yes] {" "}of { $target }
       *[no] {""}
    }
audit-do-honours-publish = { $actor } published the honour roll{ $hasTarget ->
        [yes] {" "}of { $target }
       *[no] {""}
    }
audit-do-honours-record = { $actor } recorded honours{ $hasTarget ->
        [yes] {" "}for { $target }
       *[no] {""}
    }
audit-do-stats-export = { $actor } built the figures' Excel file{ $hasTarget ->
        [yes] {" "}of { $target }
       *[no] {""}
    }
audit-do-stats-view = { $actor } viewed the figures{ $hasTarget ->
        [yes] {" "}of { $target }
       *[no] {""}
    }
camp-announce-ask-file = Attach a file or photo (the signed plan as a PDF, for example)? Send a PDF, DOCX, XLSX or a JPG, PNG photo (up to { $max }), or press “Skip”.
camp-announce-skip-file = Skip
camp-announce-file-hint = This step takes a file or photo to send with the announcement. Send one, or type “skip” to send it without a file.
camp-announce-file-unread = This file could not be downloaded. Send it again, or type “skip”.
camp-announce-photo-word = photo
camp-announce-document-word = file
camp-announce-attached = { $kind ->
        [photo] 🖼 Photo attached: { $name }
       *[document] 📎 File attached: { $name }
    }
zalo-attachment-download = 📎 Attached file “{ $name }”: { $url }
    (The download link works for 24 hours.)
zalo-attachment-unavailable = 📎 The announcement has an attached file “{ $name }”; see it on Telegram or ask your officer.

## Texts that point at buttons, for a channel without them (src/messages/templates.ts WITHOUT_BUTTONS)
camp-announcement-call-text = Please register your title and targets: send the command at the end of this announcement.
reminder-footer-text = Send the command below to do it now. Turn reminders off: send “settings”.

## A person waiting for their join request (src/channels/telegram/helpers.ts replyNotJoined, Zalo notJoined)
join-pending-wait = You asked to join <b>{ $unit }</b>; the request is waiting for an officer's approval. You will get a message as soon as it is decided.

## The /stats chart as an album (src/insight/stats-chart.ts chartPagesOf)
stats-chart-page = page { $page }/{ $pages }

## Honour roll for collectives (tập thể): src/services/honours.ts, src/messages/templates.ts
honours-roll-group-of = <b>{ $title }</b> ({ $who })
honours-count-people = { $count ->
        [one] 1 person
       *[other] { $count } people
    }
honours-count-units = { $count ->
        [one] 1 unit
       *[other] { $count } units
    }
honours-roll-line-unit = • 🏢 { $name }{ $decision }
honours-congrats-unit =
    🎉 <b>Congratulations to { $name }!</b>
    Your unit has been honoured: <b>{ $title }</b>, campaign “{ $campaign }”.{ $decision }
    Please pass the congratulations on to everyone in the unit.
my-award-unit-line = • 🏢 { $unit }: { $title } — { $campaign }{ $decision }
honours-published-units = Honour roll published: { $people ->
        [0] {""}
        [one] 1 person and{" "}
       *[other] { $people } people and{" "}
    }{ $units ->
        [one] 1 collective
       *[other] { $units } collectives
    }; the announcement goes to { $members } recipients and { $groups } groups; { $congratulated } personal congratulations.

## Text-only channel wordings (src/messages/text-wording.ts): nothing to press, only photos arrive
reg-ask-line-NUMBER-text = Content { $n }/{ $total }: <b>{ $line }</b>
    What do you commit to{ $unit }? Type a number (e.g. 3 or 12.5). Send “skip” to leave this content out, “done” to finish your commitments.
reg-ask-line-YES_NO-text = Content { $n }/{ $total }: <b>{ $line }</b>
    Do you commit to it? Send “yes” or “no”; “skip” to leave this content out, “done” to finish your commitments.
reg-ask-line-TEXT-text = Content { $n }/{ $total }: <b>{ $line }</b>
    Type your commitment briefly. Send “skip” to leave this content out, “done” to finish your commitments.
reg-hint-line-NUMBER-text = Please type a number (e.g. 3 or 12.5), or send “skip” / “done”.
reg-hint-line-YES_NO-text = Please send “yes” or “no”, or “skip” / “done”.
reg-hint-line-TEXT-text = Please type the text, or send “skip” / “done”.
rep-ask-note-text = Any note to add? Type it, or send “skip”.
rep-hint-note-text = Please type the note as text, or send “skip”.
rep-ask-evidence-text = Send photos as evidence (optional; if you have none, send “done”), at most { $max } each. When finished, send “done”.
rep-evidence-more-text = { $count } evidence photos received. Send more, or send “done”.
rep-hint-evidence-text = Please send a photo, or send “done”.
cv-yes-no-invalid-text = Please send “yes” or “no”.
cv-number-which-text = You typed “{ $typed }”: do you mean <b>{ $thousands }</b> or <b>{ $decimal }</b>?
    Send the number of your choice, or type the number again without a thousands separator (e.g. 500000).
cv-number-which-hint-text = Send 1 or 2 to pick one of the two readings above, or type the number again without a thousands separator (e.g. 500000 or 500).
rep-evidence-type-text = This photo is not in a format we take. Only JPG or PNG photos are accepted.

## Officers' questions on a text-only channel (src/messages/text-wording.ts)
wiz-ask-slogan-text = Slogan? (send “skip” if there is none)
wiz-ask-titles-text = Which titles and awards does the campaign offer? Type numbers to select/unselect (e.g. “1 2 9”), then send “done”.
wiz-titles-help-text = Type numbers (e.g. “1 2”), then “done”.
wiz-titles-selected-text = { $count } selected. Keep selecting, or send “done”.
wiz-measure-help-text = Please send the number of your choice.
wiz-ask-unit-text = Unit of measure (e.g. people, km, initiatives)? Send “skip” if none.
wiz-ask-remind-text = How long before the deadline to remind? Type e.g. “7 days, 2 days, 4 hours”, “7d 2d 4h” or “1 week”; “0” for none, or send “default”.
wiz-ask-more-milestones-text = Add another milestone? Send “done” when finished.
wiz-ask-audience-units-text = Choose the taking-part units (type numbers to select/unselect), then send “done”.
wiz-save-help-text = Send “save” to save the draft, “back” or “cancel”.
wiz-previous-text = Entered before: “{ $value }”. Send “keep” to keep it, or type a new value.
wiz-ask-code-text = Campaign code (used in the register command): <code>{ $code }</code>. Send the number to use this code, or type another (lowercase letters without accents, digits, hyphens).
wiz-ask-issuer-text = Issuing body? (e.g. “Hau Giang Provincial People's Committee”; send a number to choose a unit below, or “skip”)
wiz-ask-description-text = A short description of the campaign's aims? (send “skip” if not needed)
wiz-ask-ms-name-text = Name of this “{ $kind }” milestone (e.g. “Six-month review”)? Send “skip” to use the general name.
wiz-ask-until-text = Repeat { $repeat } until which date (day/month/year)? Send “until the end” to repeat until { $ends }.
wiz-ask-target-text = What is the target for “{ $title }”{ $unit ->
    [none] {""}
   *[other] {" "}({ $unit })
}? Type a number, or send “skip” for no target.
camp-edit-ask-titles-text = Type numbers to select/unselect titles and awards, then send “done”. { $count } selected.
camp-edit-ask-m-until-text = Repeat { $repeat } until which date (day/month/year)? Send “until the end” to repeat until { $ends }.
camp-edit-remove-help-text = Send “remove” to remove it, or “back”.
honours-ask-pick-text = Pick the people honoured ({ $count }/{ $total } picked): type numbers to pick or unpick (e.g. “1 3 5-7”). Then send “done”.
honours-pick-none-text = You have not picked anyone yet. Type the numbers of the people honoured.
honours-preview-confirm-text = Send the number of “Publish” to announce the honour roll to the units and congratulate each person.
camp-announce-ask-file-text = Attach a photo (of the signed plan, for example)? Send a JPG or PNG photo (up to { $max }), or send “skip”. PDF, DOCX and XLSX files can only be sent on Telegram.
stats-pick-text = Send the number of the campaign whose figures you want.
camp-member-pick-text = Send its number to open it.

## /export: the honour roll sheet (src/services/exports.ts awardSheet)
export-sheet-awards = Awards
export-col-honoured = Person or collective honoured
export-col-honour = Title or commendation
export-col-decision-number = Decision number
export-col-decision-date = Decision date
export-col-published-at = Published at
