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
name-invalid-control = Your name contains characters that are not allowed. Please type it again in plain letters.
name-invalid-no-letters = A name needs letters (not only symbols or digits). Please type it again.
name-need-text = Please type your full name as text.
onboarding-done =
    Thank you, <b>{ $name }</b> of <b>{ $unit }</b>.
    You are ready to take part in emulation campaigns. Choose what to do from the menu below.

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
    /profile — profile: name, unit, language
    /language — change language
    /cancel — cancel what you are doing
    /help — help
help-officer =
    <b>Officer commands</b>
    /invite [unit code] — invite link to a unit (within your own unit's tree)
    /units — unit tree
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
cmd-invite = Invite link to a unit
cmd-units = Unit tree
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
units-tree-title = <b>Unit tree</b> ({ $count } units)
units-tree-more = … and { $count } more units.
units-groups-title = <b>Emulation blocks/clusters</b>
units-none = There are no units yet. Use /addunit or /importunits to add some.
group-kind-BLOCK = Block
group-kind-CLUSTER = Cluster
addunit-usage = Usage: /addunit CODE | Unit name | PARENT_CODE (optional) | GROUP_CODE (optional)
addunit-done = Unit <b>{ $name }</b> added (code { $code }).
addunit-code_invalid = A unit code may contain only unaccented letters, digits and dashes (at most 40 characters).
addunit-code_taken = Code “{ $code }” is already used by another unit.
addunit-parent_unknown = There is no parent unit with code “{ $code }”.
addunit-group_unknown = There is no block/cluster with code “{ $code }”. Add it with /addgroup first.
addunit-name_missing = The unit name is missing.
addgroup-usage = Usage: /addgroup CODE | Block/cluster name | BLOCK or CLUSTER
addgroup-done = Emulation { $kind } <b>{ $name }</b> added (code { $code }).
invite-link =
    Invite link to <b>{ $unit }</b>:
    { $link }
    Whoever taps it joins the unit.
invite-unknown-unit = There is no unit with code “{ $code }”.
import-ask = Send the units file (CSV or YAML, at most 1 MB) as an attachment. CSV columns: code,name,parent,group.
import-not-file = Please send a CSV or YAML file as an attachment, or /cancel.
import-too-large = The file is too large ({ $size }). The limit is { $max }.
import-bad-type = “{ $name }” is not a CSV or YAML file.
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
grant-already = { $name } is already a { $role }.
grant-admin-untouchable = Administrators are managed through ADMIN_IDS, not from chat.
grant-no-unit = { $name } does not belong to a unit yet, so cannot be an officer.

## Audit log
audit-title = <b>Recent audit log</b>
audit-line = { $at } · { $action } · { $outcome } · { $actor }{ $target }
audit-empty = The audit log is empty.

## Groups
group-only-private = Please write to the bot privately to use this: { $link }
