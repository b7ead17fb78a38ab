# ThiĐua Bot — Tiếng Việt (ngôn ngữ mặc định).
# Mọi câu chữ người dùng thấy đều nằm ở đây và trong en.ftl; test/unit/locales.test.ts giữ hai tệp khớp nhau.

## Chung
language-name = Tiếng Việt
error-generic = Xin lỗi, đã có lỗi khi xử lý yêu cầu. { $You } vui lòng thử lại sau ít phút.
button-expired = Nút này đã hết hạn. { $You } vui lòng dùng tin nhắn mới nhất.
button-back = ‹ Quay lại
button-cancel = ✖ Hủy
cancelled = Đã hủy. { $You } có thể chọn việc khác trong menu.
nothing-to-cancel = Không có thao tác nào đang dở.
coming-soon = Chức năng “{ $feature }” sắp có. Ban quản trị sẽ thông báo khi sẵn sàng.
not-joined = { $You } chưa chọn đơn vị. Gửi /start để bắt đầu.
private-only = Lệnh này chỉ dùng trong trò chuyện riêng với bot.
text-too-long = Nội dung quá dài (tối đa { $max } ký tự). { $You } vui lòng rút gọn rồi gửi lại.

## Menu chính
menu-campaigns = 📋 Phong trào
menu-register = 📝 Đăng ký
menu-report = 📊 Báo cáo
menu-my = 👤 Thi đua của tôi
menu-help = ❓ Trợ giúp
menu-shown = { $You } chọn việc cần làm trong menu bên dưới.
unhandled-text = Tôi chưa hiểu yêu cầu này. { $You } chọn việc trong menu bên dưới hoặc gửi /help để xem các lệnh.

## Bắt đầu / tham gia đơn vị
start-welcome =
    Xin chào { $name }! 👋
    ThiĐua Bot giúp { $you } theo dõi các phong trào thi đua của đơn vị: đăng ký thi đua, báo cáo tiến độ và nhận nhắc hạn ngay trong Telegram.
start-welcome-back = Chào mừng { $name } quay lại! Đơn vị: { $unit }.
start-choose-unit = { $You } thuộc đơn vị nào? Chọn trong danh sách hoặc gõ tên đơn vị để tìm (gõ không dấu cũng được, ví dụ «dong khoi»).
start-invite-invalid = Đường dẫn mời này không hợp lệ hoặc đã được thay mới. { $You } hãy chọn đơn vị trong danh sách.
unit-picker-title = Chọn đơn vị{ $parent ->
    [none] :
   *[other] {" "}trong “{ $parent }”:
}
unit-picker-empty = Chưa có đơn vị nào. { $You } vui lòng liên hệ quản trị viên để được thêm đơn vị.
unit-choose-this = ✔ Chọn “{ $unit }”
unit-more = Trang sau ›
unit-prev = ‹ Trang trước
unit-search-results = Kết quả tìm “{ $query }”:
unit-search-none = Không tìm thấy đơn vị nào có tên giống “{ $query }”. { $You } thử gõ từ khác hoặc chọn trong danh sách.
unit-joined = Đã ghi nhận đơn vị: <b>{ $unit }</b>.
unit-switch-ask = { $You } đang thuộc “{ $current }”. Chuyển sang “{ $unit }”?
unit-switch-yes = Chuyển sang “{ $unit }”
unit-switch-no = Giữ đơn vị hiện tại
unit-kept = Đã giữ nguyên đơn vị “{ $unit }”.
name-ask = Xin { $you } cho biết họ và tên đầy đủ (như trong hồ sơ đơn vị), ví dụ: Nguyễn Thị Minh Khai.
name-use-telegram = Dùng tên “{ $name }”
name-invalid-empty = Họ và tên không được để trống. Vui lòng gõ lại.
name-invalid-too-long = Họ và tên dài quá { $max } ký tự. Vui lòng gõ lại ngắn hơn.
name-invalid-control = Họ và tên có ký tự không hợp lệ. Vui lòng chỉ dùng chữ cái (không dùng ký hiệu, biểu tượng).
name-invalid-no-letters = Họ và tên phải có chữ cái (không chỉ biểu tượng hoặc chữ số). Vui lòng gõ lại.
name-need-text = { $You } vui lòng gõ họ và tên bằng chữ.
onboarding-done =
    Cảm ơn { $you } <b>{ $name }</b>, đơn vị <b>{ $unit }</b>.
    { $You } đã sẵn sàng tham gia các phong trào thi đua. Chọn việc cần làm trong menu (trên Zalo: gửi «menu»).

## Hồ sơ
profile-show =
    <b>Hồ sơ của { $you }</b>
    Họ và tên: { $name }
    Đơn vị: { $unit }
    Ngôn ngữ: { $language }
    Vai trò: { $role }
profile-not-set = (chưa có)
profile-change-name = ✏️ Đổi họ tên
profile-change-unit = 🏢 Đổi đơn vị
profile-change-language = 🌐 Đổi ngôn ngữ
profile-name-saved = Đã lưu họ và tên: <b>{ $name }</b>.
role-MEMBER = Thành viên
role-OFFICER = Cán bộ phụ trách thi đua
role-ADMIN = Quản trị viên

## Ngôn ngữ
language-choose = Chọn ngôn ngữ / Choose your language:
language-set = Đã chuyển sang tiếng Việt.

## Trợ giúp
help-member =
    <b>Các lệnh của thành viên</b>
    /campaigns — các phong trào thi đua của đơn vị
    /register — đăng ký thi đua
    /report — báo cáo tiến độ
    /my — tình hình của tôi
    /settings — bật/tắt nhắc hạn
    /link — liên kết tài khoản Telegram và Zalo
    /profile — hồ sơ: họ tên, đơn vị, ngôn ngữ
    /language — đổi ngôn ngữ
    /cancel — hủy thao tác đang làm
    /help — trợ giúp
help-officer =
    <b>Lệnh của cán bộ phụ trách thi đua</b>
    /invite [mã đơn vị] — đường dẫn mời vào đơn vị (trong phạm vi đơn vị mình)
    /units — sơ đồ đơn vị
    /campaigns — phong trào trong phạm vi; gửi tệp YAML/JSON để nhập phong trào
    /newcampaign — tạo phong trào trong chat; /announce — gửi thông báo bổ sung
    /amend [mã] — đính chính hoặc gia hạn phong trào đã phát động
    /linkgroup (trong nhóm) — liên kết nhóm với đơn vị
    /review — nộp báo cáo sơ kết/tổng kết của đơn vị
    /nudge — nhắc lại những người chưa thực hiện
    /stats [mã phong trào] — số liệu và biểu đồ theo đơn vị
    /evidence — xem minh chứng của báo cáo
    /registrations — duyệt, trả lại đăng ký thi đua trong phạm vi (từng trang)
    /moveunit MÃ_ĐƠN_VỊ | tên — chuyển một người sang đơn vị khác (cả hai đơn vị trong phạm vi)
help-admin =
    <b>Lệnh của quản trị viên</b>
    /addunit MÃ | Tên | MÃ_CẤP_TRÊN | MÃ_KHỐI — thêm đơn vị
    /addgroup MÃ | Tên | BLOCK hoặc CLUSTER — thêm khối/cụm thi đua
    /importunits — nhập danh sách đơn vị từ tệp CSV hoặc YAML
    /grant [tên] — cấp quyền cán bộ phụ trách thi đua
    /revoke [tên] — thu hồi quyền cán bộ
    /audit — nhật ký gần đây

## Lệnh (menu lệnh của Telegram)
cmd-start = Bắt đầu
cmd-campaigns = Các phong trào thi đua
cmd-register = Đăng ký thi đua
cmd-report = Báo cáo tiến độ
cmd-my = Tình hình của tôi
cmd-profile = Hồ sơ của tôi
cmd-language = Đổi ngôn ngữ
cmd-help = Trợ giúp
cmd-cancel = Hủy thao tác
cmd-evidence = Minh chứng của báo cáo
cmd-invite = Đường dẫn mời vào đơn vị
cmd-units = Sơ đồ đơn vị
cmd-addunit = Thêm đơn vị
cmd-addgroup = Thêm khối/cụm thi đua
cmd-importunits = Nhập danh sách đơn vị
cmd-grant = Cấp quyền cán bộ
cmd-revoke = Thu hồi quyền cán bộ
cmd-audit = Nhật ký

## Phân quyền
forbidden = { $You } không có quyền dùng lệnh này. Yêu cầu đã được ghi vào nhật ký.
forbidden-scope = Đơn vị “{ $unit }” nằm ngoài phạm vi phụ trách của { $you }.
officer-needs-unit = { $You } cần thuộc một đơn vị trước khi dùng lệnh này (/profile).

## Quản trị đơn vị
units-tree-title = <b>Sơ đồ đơn vị</b> ({ $count } đơn vị)
units-tree-more = … và { $count } đơn vị khác.
units-groups-title = <b>Khối/cụm thi đua</b>
units-none = Chưa có đơn vị nào. Dùng /addunit hoặc /importunits để thêm.
group-kind-BLOCK = Khối
group-kind-CLUSTER = Cụm
addunit-usage = Cách dùng: /addunit MÃ | Tên đơn vị | MÃ_CẤP_TRÊN (không bắt buộc) | MÃ_KHỐI (không bắt buộc) | open, invite hoặc approval (chế độ tham gia, không bắt buộc; mặc định invite)
addunit-done = Đã thêm đơn vị <b>{ $name }</b> (mã { $code }).
addunit-code_invalid = Mã đơn vị chỉ gồm chữ không dấu, chữ số, dấu gạch (tối đa 40 ký tự).
addunit-code_taken = Mã “{ $code }” đã được dùng cho đơn vị khác.
addunit-parent_unknown = Không có đơn vị cấp trên mang mã “{ $code }”.
addunit-group_unknown = Không có khối/cụm mang mã “{ $code }”. Thêm bằng /addgroup trước.
addunit-name_missing = Thiếu tên đơn vị.
addgroup-usage = Cách dùng: /addgroup MÃ | Tên khối/cụm | BLOCK hoặc CLUSTER
addgroup-done = Đã thêm { $kind ->
        [BLOCK] khối
       *[other] cụm
    } thi đua <b>{ $name }</b> (mã { $code }).
invite-link =
    Đường dẫn mời vào <b>{ $unit }</b>:
    { $link }
    Người nhận chỉ cần bấm vào là tham gia đơn vị.
invite-unknown-unit = Không có đơn vị nào có mã hoặc tên “{ $code }”.
import-ask = { $You } gửi tệp danh sách đơn vị (CSV, YAML hoặc Excel .xlsx, tối đa 1 MB) dưới dạng tệp đính kèm. Cột (CSV và Excel): code,name,parent,group.
import-not-file = { $You } vui lòng gửi tệp CSV, YAML hoặc Excel .xlsx (dạng tệp đính kèm), hoặc /cancel để hủy.
import-too-large = Tệp quá lớn ({ $size }). Giới hạn là { $max }.
import-bad-type = Tệp “{ $name }” không phải CSV, YAML hoặc Excel .xlsx.
import-errors = Tệp có { $count } lỗi, chưa nhập đơn vị nào:
import-error-line = Dòng { $line }: { $problem }
import-errors-more = … và { $count } lỗi khác.
import-done = Đã nhập xong: { $created } đơn vị mới, { $updated } đơn vị cập nhật, { $groups } khối/cụm mới.
import-download-failed = Không tải được tệp từ Telegram. { $You } vui lòng gửi lại.
units-error-file_empty = tệp không có đơn vị nào
units-error-file_syntax = lỗi cú pháp ({ $message })
units-error-file_header = thiếu dòng tiêu đề, cần: { $expected }
units-error-code_invalid = mã “{ $value }” không hợp lệ (chỉ chữ không dấu, chữ số, _ . -)
units-error-name_missing = đơn vị “{ $code }” thiếu tên
units-error-name_too_long = tên dài quá { $max } ký tự
units-error-code_duplicate = mã “{ $value }” bị trùng (đã có ở dòng { $first })
units-error-parent_self = đơn vị “{ $value }” không thể là cấp trên của chính nó
units-error-parent_cycle = đơn vị “{ $value }” tạo thành vòng lặp cấp trên
units-error-parent_unknown = không có đơn vị cấp trên mang mã “{ $value }”
units-error-too_many_rows = quá nhiều dòng (tối đa { $max })
units-error-group_invalid = mã khối/cụm “{ $value }” không hợp lệ

## Cấp / thu hồi quyền cán bộ
grant-ask = Gõ họ tên (hoặc một phần họ tên) của thành viên cần cấp quyền cán bộ phụ trách thi đua.
revoke-ask = Gõ họ tên (hoặc một phần họ tên) của cán bộ cần thu hồi quyền.
grant-results = Chọn người cần { $grant ->
    [yes] cấp quyền
   *[no] thu hồi quyền
}:
grant-none = Không tìm thấy ai có tên giống “{ $query }”. Vui lòng gõ lại hoặc /cancel.
grant-confirm = { $grant ->
    [yes] Cấp quyền cán bộ phụ trách thi đua cho <b>{ $name }</b> ({ $unit })?
   *[no] Thu hồi quyền cán bộ của <b>{ $name }</b> ({ $unit })?
}
grant-yes = ✔ Xác nhận
grant-done = Đã cấp quyền cán bộ phụ trách thi đua cho <b>{ $name }</b>. Người này chỉ thao tác trong phạm vi đơn vị “{ $unit }”.
revoke-done = Đã thu hồi quyền cán bộ của <b>{ $name }</b>.
grant-already = { $name } đã là { $role ->
        [ADMIN] quản trị viên
       *[other] cán bộ phụ trách thi đua
    }.
grant-admin-untouchable = Không thể thay đổi quyền của quản trị viên trong chat; hãy sửa ADMIN_IDS.
grant-no-unit = { $name } chưa thuộc đơn vị nào nên chưa thể làm cán bộ.

## Nhật ký
audit-title = <b>Nhật ký gần đây</b>
audit-empty = Nhật ký trống.

## Nhóm
group-only-private = { $You } vui lòng nhắn riêng cho bot để dùng chức năng này: { $link }

## Gửi thông báo (outbox)
broadcast-progress = 📤 <b>Đang gửi thông báo</b>: { $done }/{ $total } người nhận{ $groupsTotal ->
        [0] {""}
       *[other] , { $groupsDone }/{ $groupsTotal } nhóm
    }
    • Đã gửi: { $sent }
    • Lỗi: { $failed }
    • Không liên lạc được: { $unreachable }
    Dự kiến xong sau: { $eta }
broadcast-summary = ✅ <b>Đã gửi xong</b>: { $done }/{ $total } người nhận{ $groupsTotal ->
        [0] {""}
       *[other] , { $groupsDone }/{ $groupsTotal } nhóm
    }
    • Đã gửi: { $sent }
    • Lỗi: { $failed }
    • { $unreachable } không liên lạc được (đã chặn bot hoặc xóa tài khoản)
broadcast-summary-cancelled = ⏹ <b>Đã dừng gửi</b>: { $done }/{ $total } người nhận{ $groupsTotal ->
        [0] {""}
       *[other] , { $groupsDone }/{ $groupsTotal } nhóm
    }
    • Đã gửi: { $sent }
    • Lỗi: { $failed }
    • { $unreachable } không liên lạc được
    • Hủy, không gửi: { $cancelled }
broadcast-stop-button = ⏹ Dừng gửi
broadcast-stop-done = Đã dừng gửi; { $dropped } tin chưa gửi đã được hủy.
broadcast-stop-not_found = Không tìm thấy đợt gửi này.
broadcast-stop-not_yours = Chỉ người phát động hoặc quản trị viên mới dừng được đợt gửi này.
broadcast-stop-finished = Đợt gửi này đã kết thúc.

## Nhắc hạn và báo cáo sơ kết/tổng kết
reminder-header-one = ⏰ <b>Nhắc hạn thi đua</b>
reminder-header-many = ⏰ <b>Nhắc hạn thi đua</b> ({ $count } việc sắp đến hạn)
reminder-nudge-header = 🔔 <b>Cán bộ phụ trách thi đua nhắc lại</b>: { $you } chưa hoàn thành việc sau.
reminder-line = • <b>{ $campaign }</b>: { $what } — hạn { $deadline } ({ $left })
reminder-footer = { $You } bấm nút bên dưới để thực hiện ngay. Tắt nhắc hạn: /settings
reminder-what-REGISTRATION = đăng ký thi đua
reminder-what-PROGRESS_REPORT = báo cáo tiến độ
reminder-what-MIDTERM_REVIEW = báo cáo sơ kết
reminder-what-FINAL_REVIEW = báo cáo tổng kết
reminder-what-CUSTOM = mốc của phong trào
reminder-left-days = còn { $days } ngày
reminder-left-days-hours = còn { $days } ngày { $hours } giờ
reminder-left-hours = còn { $hours } giờ
reminder-left-hours-minutes = còn { $hours } giờ { $minutes } phút
reminder-left-minutes = còn { $minutes } phút
reminder-left-past = đã quá hạn
reminder-button-REGISTRATION = 📝 Đăng ký: { $campaign }
reminder-button-PROGRESS_REPORT = 📊 Báo cáo: { $campaign }
reminder-button-MIDTERM_REVIEW = 📄 Nộp báo cáo sơ kết: { $campaign }
reminder-button-FINAL_REVIEW = 📄 Nộp báo cáo tổng kết: { $campaign }
reminder-button-CUSTOM = 📋 Xem: { $campaign }
reminder-summary-header = 📋 <b>Tổng hợp sau hạn</b>: { $campaign } — { $what }, hạn { $deadline }
reminder-summary-unit-done = ✅ { $unit }: { $done }/{ $total }
reminder-summary-unit-behind = ⏳ { $unit }: { $done }/{ $total } — chưa thực hiện: { $names }
reminder-summary-more = { " " }và { $count } người khác
reminder-summary-unit-submitted = ✅ { $unit }: đã nộp
reminder-summary-unit-missing = ⏳ { $unit }: chưa nộp
reminder-summary-total = Tổng cộng: { $done }/{ $total } đã hoàn thành.
reminder-nudge-button = 🔔 Nhắc người chưa thực hiện
nudge-done = Đã gửi lời nhắc tới { $count } người chưa thực hiện.
nudge-already = Những người chưa thực hiện đã được nhắc hôm nay ({ $laggards } người); không gửi lại.
nudge-none = Tất cả đã hoàn thành, không cần nhắc.
nudge-choose = Chọn mốc cần nhắc những người chưa thực hiện:
nudge-nothing = Không có mốc nào trong 30 ngày qua hoặc 30 ngày tới để nhắc.
nudge-not-launched = Phong trào này không còn đang diễn ra.
settings-show = <b>Cài đặt</b>
    Nhắc hạn thi đua: <b>{ $state }</b>
settings-state-on = Bật
settings-state-off = Tắt
settings-turn-on = 🔔 Bật nhắc hạn
settings-turn-off = 🔕 Tắt nhắc hạn
settings-saved-on = Đã bật nhắc hạn. Bot sẽ nhắc { $you } trước các mốc thi đua.
settings-saved-off = Đã tắt nhắc hạn. { $You } có thể bật lại bằng /settings.
settings-show-linked = <b>Cài đặt</b>
    Nhắc hạn thi đua: <b>{ $state }</b>
    Nhận tin nhắn của bot trên: <b>{ $channel }</b>
settings-change-channel = 📨 Đổi kênh nhận tin
settings-ask-channel = { $You } đang nhận tin nhắn của bot trên: <b>{ $channel }</b>. Mỗi thông báo và lời nhắc chỉ gửi một lần, đến kênh nào?
settings-channel-last = kênh dùng gần nhất
settings-channel-last-option = 🕘 Kênh dùng gần nhất
settings-channel-saved = Từ nay bot gửi thông báo và lời nhắc cho { $you } trên { $channel }.
settings-channel-saved-last = Từ nay bot gửi thông báo và lời nhắc cho { $you } trên kênh { $you } dùng gần nhất.
cmd-settings = Cài đặt nhắc hạn
cmd-nudge = Nhắc người chưa thực hiện
cmd-review = Báo cáo sơ kết/tổng kết
review-none = Hiện không có mốc sơ kết/tổng kết nào đang mở cho đơn vị “{ $unit }”.
review-choose = Chọn mốc để nộp báo cáo của đơn vị “{ $unit }” (bấm «Tình hình nộp» để xem các đơn vị cấp dưới):
review-item = { $campaign } · { $what } · hạn { $deadline }{ $done ->
    [yes] { " " }✅
   *[no] {""}
}
review-status-button = 📊 Tình hình nộp: { $campaign }
review-status-title = <b>Tình hình nộp báo cáo</b>: { $campaign } — { $what }, hạn { $deadline }
review-status-submitted = ✅ { $unit } — { $at }
review-status-missing = ⏳ { $unit } — chưa nộp
review-ask-file = { $You } gửi tệp { $what } của đơn vị “{ $unit }” (PDF, DOCX hoặc XLSX, tối đa 20 MB).{ $replace ->
    [yes] { " " }Đơn vị đã nộp tệp “{ $file }”; tệp mới sẽ thay thế tệp cũ.
   *[no] {""}
}
review-file-type = Chỉ nhận tệp PDF, DOCX hoặc XLSX. { $You } vui lòng gửi lại tệp báo cáo.
review-file-too-large = Tệp lớn hơn 20 MB. { $You } vui lòng nén hoặc tách tệp rồi gửi lại.
review-need-file = { $You } vui lòng gửi tệp báo cáo dưới dạng tài liệu (PDF, DOCX hoặc XLSX), hoặc /cancel để hủy.
review-ask-figures = Số liệu chính (không bắt buộc): mỗi dòng một chỉ tiêu dạng «tên: giá trị», ví dụ:
    Đảng viên mới: 12
    Sáng kiến được công nhận: 3
review-figures-invalid = Dòng “{ $line }” chưa đúng dạng «tên: giá trị». Vui lòng gõ lại số liệu (tối đa 20 dòng) hoặc bấm «Bỏ qua».
review-ask-note = Ghi chú kèm báo cáo (không bắt buộc, tối đa 1000 ký tự):
review-skip = Bỏ qua ›
review-confirm = <b>Xác nhận nộp báo cáo</b>
    Phong trào: { $campaign }
    Nội dung: { $what }, hạn { $deadline }
    Đơn vị: { $unit }
    Tệp: { $file }
    Số liệu: { $figures }
    Ghi chú: { $note }
review-none-given = (không có)
review-confirm-button = ✔ Nộp báo cáo
review-saved = ✅ Đã nhận { $what } của đơn vị “{ $unit }”. { $You } có thể nộp lại để thay thế trước { $deadline }.
review-replaced = ✅ Đã thay { $what } của đơn vị “{ $unit }” bằng tệp mới.
review-closed = Mốc này đã quá hạn hoặc phong trào không còn diễn ra; không thể nộp báo cáo.
review-not-in-audience = Đơn vị của { $you } không thuộc đối tượng của phong trào này.
review-not-found = Không tìm thấy mốc báo cáo này.

## Campaigns
camp-milestone-REGISTRATION = Đăng ký thi đua
camp-milestone-PROGRESS_REPORT = Báo cáo tiến độ
camp-milestone-MIDTERM_REVIEW = Sơ kết
camp-milestone-FINAL_REVIEW = Tổng kết
camp-milestone-CUSTOM = Mốc khác
camp-status-DRAFT = Dự thảo
camp-status-LAUNCHED = Đang triển khai
camp-status-CLOSED = Đã kết thúc
camp-status-ARCHIVED = Đã lưu trữ
camp-reg-SUBMITTED = đã gửi, chờ duyệt
camp-reg-RETURNED = bị trả lại để bổ sung
camp-reg-APPROVED = đã được duyệt
camp-reg-REJECTED = không được duyệt
camp-reg-WITHDRAWN = đã rút
camp-target = chỉ tiêu { $target }
camp-issuer = Cơ quan phát động: { $issuer }
camp-period = Thời gian: { $starts } – { $ends }
camp-text-cut = (Nội dung dài, xem đầy đủ trong /campaigns.)
camp-content-heading = <b>Nội dung thi đua</b>
camp-registration-deadline = ⏰ Hạn đăng ký thi đua: <b>{ $at }</b>
camp-announcement-call = Đề nghị { $you } bấm nút bên dưới để đăng ký danh hiệu và chỉ tiêu thi đua.
camp-register-button = 📝 Đăng ký thi đua
camp-open-button = 📋 Xem phong trào
camp-followup-heading = 📢 <b>Thông báo bổ sung — { $title }</b>
camp-past = (đã qua)
camp-series-next = kỳ tới { $next }, còn { $count } kỳ, đến { $last }
camp-series-done = từ { $first } đến { $last } (đã qua)
camp-titles-individual = <b>Danh hiệu cá nhân:</b> { $titles }
camp-titles-collective = <b>Danh hiệu tập thể:</b> { $titles }
camp-status-line = Trạng thái: <b>{ $status }</b> · mã <code>{ $code }</code>
camp-deadlines-heading = <b>Các mốc thời hạn</b>
camp-my-status = 👤 Đăng ký của { $you }: <b>{ $title }</b> — { $status }
camp-my-status-none = 👤 { $You } <b>chưa đăng ký</b> thi đua trong phong trào này.
camp-errors-more = … và { $count } lỗi khác.
camp-err-required = thiếu thông tin bắt buộc
camp-err-type_invalid = kiểu dữ liệu không đúng { $value }
camp-err-too_few = cần ít nhất { $min } mục
camp-err-too_short = quá ngắn (ít nhất { $min } ký tự)
camp-err-too_many = quá nhiều mục (tối đa { $max })
camp-err-too_long = quá dài (tối đa { $max } ký tự)
camp-err-format_invalid = “{ $value }” sai định dạng
camp-err-value_invalid = “{ $value }” không hợp lệ; chỉ nhận: { $allowed }
camp-err-key_unknown = khóa “{ $key }” không được hỗ trợ (gõ nhầm?)
camp-err-json_syntax = tệp JSON sai cú pháp: { $message }
camp-err-yaml_syntax = tệp YAML sai cú pháp ở dòng { $line }, cột { $col } ({ $message })
camp-err-file_too_large = tệp quá lớn (tối đa { $max } ký tự)
camp-err-ends_before_starts = ngày kết thúc { $value } trước ngày bắt đầu { $starts }
camp-err-title_unknown = không có danh hiệu mã “{ $value }”
camp-err-title_duplicate = danh hiệu “{ $value }” bị liệt kê hai lần
camp-err-title_wrong_scope = danh hiệu “{ $value }” không thuộc nhóm này (thuộc { $expected })
camp-err-titles_empty = phải có ít nhất một danh hiệu
camp-err-criterion_duplicate = mã nội dung “{ $value }” bị trùng (đã có ở { $first })
camp-err-criteria_too_deep = nội dung lồng quá { $max } cấp
camp-err-criteria_too_many = quá nhiều nội dung ({ $count }, tối đa { $max })
camp-err-target_not_number = chỉ tiêu chỉ dùng cho nội dung đo bằng số (đang là { $measure })
camp-err-number_invalid = “{ $value }” không phải số hợp lệ
camp-err-offset_too_large = mốc nhắc { $value } dài hơn thời gian phong trào ({ $days } ngày)
camp-err-offset_invalid = “{ $value }” không phải mốc nhắc hợp lệ (ví dụ: 7d, 2d, 4h)
camp-err-offset_negative = mốc nhắc “{ $value }” không được âm
camp-err-until_without_repeat = có «until» ({ $value }) nhưng thiếu «repeat»
camp-err-until_before_due = «until» { $value } trước hạn đầu tiên { $due }
camp-err-milestone_outside_period = hạn { $value } nằm ngoài thời gian phong trào ({ $starts } – { $ends })
camp-err-milestones_too_many = quá nhiều mốc ({ $count }, tối đa { $max })
camp-err-milestone_past = hạn { $value } đã qua
camp-err-yaml_comma_joined = đã ghép lại “{ $value }” (dòng { $line }); nên đặt giá trị có dấu phẩy trong ngoặc kép
camp-err-date_invalid = { $value } không phải ngày hợp lệ
camp-err-date_format = “{ $value }” không đúng dạng ngày/tháng/năm (ví dụ 30/06/2026)
camp-err-time_invalid = “{ $value }” có giờ không hợp lệ
camp-err-invalid = “{ $value }” không hợp lệ
camp-upload-ask = { $You } gửi tệp dữ liệu phong trào (<b>YAML</b> hoặc <b>JSON</b>, theo mẫu; tối đa 1 MB) vào đây. Gửi /cancel để hủy.
camp-upload-not-file = { $You } vui lòng gửi tệp YAML hoặc JSON dưới dạng tệp đính kèm, hoặc /cancel.
camp-file-bad-type = Tệp “{ $name }” không phải YAML hoặc JSON. Chỉ nhận tệp .yaml, .yml hoặc .json.
camp-import-done = ✅ Đã lưu dự thảo phong trào <b>{ $title }</b> (mã <code>{ $code }</code>).
camp-import-replaced = ✅ Đã thay dự thảo <code>{ $code }</code> bằng tệp mới: <b>{ $title }</b>.
camp-import-warnings = ⚠️ Lưu ý (không chặn việc lưu):
camp-import-invalid = ❌ Tệp có { $count } lỗi, chưa lưu gì. { $You } sửa rồi gửi lại:
camp-code-taken = Mã phong trào <code>{ $code }</code> đã được dùng. { $You } gõ một mã khác (chữ thường, số, dấu gạch ngang, ví dụ <code>{ $code }-2</code>), tôi sẽ nhập lại chính tệp này.
camp-code-invalid = Mã <code>{ $code }</code> không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang (3–40 ký tự). Vui lòng gõ lại.
camp-audience-unknown = Không có đơn vị hoặc khối/cụm mang mã: { $codes }. Chưa lưu gì.
camp-audience-out-of-scope = Đối tượng nằm ngoài phạm vi đơn vị của { $you }: { $codes }. Chưa lưu gì.
camp-out-of-scope = Phong trào này không thuộc phạm vi quản lý của { $you }.
camp-btn-launch = 🚀 Phát động
camp-btn-edit = ✏️ Sửa
camp-btn-announce = 📢 Gửi thông báo bổ sung
camp-btn-close = 🏁 Kết thúc
camp-btn-archive = 🗄 Lưu trữ
camp-btn-launch-confirm = ✔ Xác nhận phát động
camp-btn-announce-confirm = ✔ Gửi thông báo
camp-officer-none = Chưa có phong trào nào trong phạm vi của { $you }. Gửi tệp YAML/JSON hoặc dùng /newcampaign để tạo.
camp-officer-list = <b>Phong trào trong phạm vi của { $you }</b>
camp-officer-hint = Chọn một phong trào để xem, sửa, phát động. Tạo mới: /newcampaign hoặc gửi tệp YAML/JSON.
camp-already-launched = Phong trào này đã được phát động (hoặc không còn là dự thảo); không thể phát động lại.
camp-preview-intro = 👁 Xem trước — thành viên sẽ nhận đúng tin nhắn sau:
camp-launch-confirm = Sẽ gửi tới <b>{ $members }</b> người nhận và <b>{ $groups }</b> nhóm của đơn vị. Xác nhận phát động?
camp-launched = 🚀 Đã phát động <b>{ $title }</b>: đang gửi tới { $members } người nhận và { $groups } nhóm. Tiến độ gửi sẽ hiện trong tin nhắn bên dưới.
camp-launch-flow-name = Phát động phong trào
camp-launch-pick = Chọn dự thảo cần phát động (gửi số thứ tự hoặc mã phong trào):
camp-launch-choice-launch = 🚀 Phát động
camp-launch-choice-cancel = Hủy
camp-launch-cancelled = Đã hủy, phong trào chưa được phát động.
camp-launch-not-found = Không tìm thấy phong trào có mã này. Gửi «phát động» để chọn trong các dự thảo của { $you }.
camp-launch-no-drafts = Không có dự thảo nào trong phạm vi của { $you } để phát động.
camp-launched-text = 🚀 Đã phát động <b>{ $title }</b>: đang gửi tới { $members } người nhận và { $groups } nhóm. Tiến độ gửi sẽ được báo trong các tin nhắn tiếp theo.
camp-edit-not-draft = Chỉ sửa được phong trào ở trạng thái dự thảo.
camp-edit-ask = Sửa mục nào của dự thảo <code>{ $code }</code>? (Muốn thay toàn bộ, gửi lại tệp YAML/JSON cùng mã.)
camp-edit-field-title = Tên phong trào
camp-edit-field-slogan = Khẩu hiệu
camp-edit-field-starts = Ngày bắt đầu
camp-edit-field-ends = Ngày kết thúc
camp-edit-ask-title = Gõ tên mới của phong trào.
camp-edit-ask-slogan = Gõ khẩu hiệu mới (gõ «-» để bỏ khẩu hiệu).
camp-edit-ask-starts = Gõ ngày bắt đầu mới (ngày/tháng/năm, ví dụ 01/12/2026).
camp-edit-ask-ends = Gõ ngày kết thúc mới (ngày/tháng/năm, ví dụ 31/12/2026).
camp-edit-saved = ✅ Đã lưu thay đổi.
camp-edit-not_found = Không tìm thấy phong trào.
camp-edit-not_draft = Chỉ sửa được phong trào ở trạng thái dự thảo.
camp-edit-not_launched = Phong trào chưa được phát động.
camp-edit-out_of_scope = Phong trào này không thuộc phạm vi quản lý của { $you }.
camp-edit-already_archived = Phong trào đã được lưu trữ.
camp-edit-ends_before_starts = Ngày kết thúc phải sau ngày bắt đầu ({ $starts }). Vui lòng gõ lại.
camp-edit-milestone_outside_period = Có mốc thời hạn nằm ngoài khoảng thời gian mới. { $You } gõ ngày khác hoặc gửi lại tệp.
camp-edit-text_invalid = Nội dung không hợp lệ (trống hoặc quá dài). Vui lòng gõ lại.
camp-announce-ask = Gõ nội dung thông báo bổ sung cho phong trào <b>{ $title }</b>. Gửi /cancel để hủy.
camp-announce-none = Chưa có phong trào nào đang triển khai để gửi thông báo.
camp-announce-pick = Gửi thông báo bổ sung cho phong trào nào?
camp-announce-confirm = Sẽ gửi tới <b>{ $members }</b> người nhận và <b>{ $groups }</b> nhóm. Xác nhận gửi?
camp-announce-not-launched = Chỉ gửi thông báo bổ sung cho phong trào đang triển khai.
camp-announced = 📢 Đang gửi thông báo tới { $members } người nhận và { $groups } nhóm.
camp-closed = 🏁 Đã kết thúc phong trào <b>{ $title }</b>.
camp-close-refused = Chỉ kết thúc được phong trào đang triển khai.
camp-close-confirm = Kết thúc phong trào <b>{ $title }</b>? Sau khi kết thúc, thành viên không đăng ký, báo cáo được nữa và bot ngừng nhắc hạn. Không thể hoàn tác trong chat.
camp-close-confirm-yes = 🏁 Xác nhận kết thúc
camp-archive-confirm = Lưu trữ phong trào <b>{ $title }</b>? Phong trào sẽ không còn hiện trong danh sách.
camp-archive-confirm-yes = 🗄 Xác nhận lưu trữ
camp-archived = 🗄 Đã lưu trữ phong trào <b>{ $title }</b>.
camp-archive-refused = Không lưu trữ được: phong trào đang triển khai phải được kết thúc trước.
camp-member-none = Hiện đơn vị của { $you } chưa có phong trào thi đua nào đang triển khai.
camp-member-list = <b>Các phong trào đang triển khai</b>
camp-member-pick = Bấm nút hoặc gõ số thứ tự để xem chi tiết.
camp-pick-invalid = Vui lòng gõ số từ 1 đến { $max }.
camp-link-invalid = Đường dẫn phong trào không hợp lệ, đã kết thúc hoặc không dành cho đơn vị của { $you }.
group-link-forbidden = Chỉ cán bộ phụ trách thi đua mới liên kết được nhóm với đơn vị.
group-linked = ✅ Đã liên kết nhóm này với đơn vị <b>{ $unit }</b>. Nhóm sẽ nhận thông báo phát động và thông báo bổ sung của các phong trào.
group-added-hint = Xin chào! Đề nghị cán bộ phụ trách thi đua của đơn vị gửi lệnh <b>/linkgroup</b> trong nhóm này để nhóm nhận thông báo các phong trào thi đua.
wiz-intro = <b>Tạo phong trào thi đua mới</b>. Mỗi bước có nút «‹ Quay lại»; gửi /cancel để hủy bất cứ lúc nào.
wiz-flow-name = Tạo phong trào thi đua
camp-edit-flow-name = Sửa dự thảo phong trào
settings-flow-name = Cài đặt
camp-pick-flow-name = Chọn phong trào
camp-announce-flow-name = Gửi thông báo bổ sung
camp-import-flow-name = Nhập phong trào từ tệp
units-import-flow-name = Nhập danh sách đơn vị
wiz-ask-title = Tên phong trào thi đua?
wiz-title-invalid = Tên phong trào cần từ 3 đến 300 ký tự. Vui lòng gõ lại.
wiz-ask-slogan = Khẩu hiệu của phong trào? (bấm «Bỏ qua» nếu không có)
wiz-skip = Bỏ qua
wiz-done = ✔ Xong
wiz-ask-starts = Ngày bắt đầu (ví dụ 01/12/2026)?
wiz-ask-ends = Ngày kết thúc (ví dụ 31/12/2026)? Ngày kết thúc phải sau ngày bắt đầu.
wiz-date-date_invalid = { $value } không phải ngày hợp lệ. Vui lòng gõ lại (ngày/tháng/năm, ví dụ 30/06/2026).
wiz-date-date_format = “{ $value }” không đúng dạng ngày. Vui lòng gõ ngày/tháng/năm, ví dụ 30/06/2026.
wiz-date-time_invalid = “{ $value }” có giờ không hợp lệ. Vui lòng gõ lại, ví dụ 17:00 30/06/2026.
wiz-ends-before-starts = Ngày kết thúc phải sau ngày bắt đầu ({ $starts }). Vui lòng gõ lại.
wiz-ask-titles = Phong trào xét những danh hiệu, hình thức khen thưởng nào? Bấm để chọn/bỏ (hoặc gõ số, ví dụ «1 2 9»), xong bấm «✔ Xong».
wiz-titles-empty = Cần chọn ít nhất một danh hiệu.
wiz-titles-help = Bấm nút hoặc gõ số thứ tự (ví dụ «1 2»), rồi «xong».
wiz-titles-selected = Đã chọn { $count }. Tiếp tục chọn hoặc bấm «✔ Xong».
wiz-ask-criterion = Gõ nội dung thi đua thứ { $n } (mỗi tin nhắn một nội dung). Gõ «xong» khi đã đủ.
wiz-criteria-empty = Cần ít nhất một nội dung thi đua.
wiz-measure-NUMBER = Số lượng
wiz-measure-YES_NO = Có / Không
wiz-measure-TEXT = Mô tả bằng lời
wiz-ask-measure = Kết quả nội dung “{ $title }” ghi nhận theo hình thức nào?
wiz-measure-help = Vui lòng bấm một nút hoặc gõ số thứ tự.
wiz-ask-unit = Đơn vị tính (ví dụ: người, km, sáng kiến)? Bấm «Bỏ qua» nếu không cần.
wiz-ask-due = Hạn của mốc “{ $kind }”? Gõ giờ và ngày, ví dụ 17:00 15/12/2026 (trong khoảng { $starts } – { $ends }).
wiz-due-outside = Hạn { $value } nằm ngoài thời gian phong trào ({ $starts } – { $ends }). Vui lòng gõ lại.
wiz-ask-remind = Nhắc trước hạn bao lâu? Gõ ví dụ «7 ngày, 2 ngày, 4 giờ», «7d 2d 4h» hoặc «1 tuần»; «0» để không nhắc, hoặc bấm «Mặc định».
wiz-remind-default = Mặc định (7d 2d 4h)
wiz-remind-offset_invalid = “{ $value }” không phải mốc nhắc hợp lệ. Gõ ví dụ «7 ngày, 2 ngày, 4 giờ» hoặc «7d 2d 4h».
wiz-remind-offset_negative = Mốc nhắc “{ $value }” không được âm. Gõ ví dụ «7 ngày, 2 ngày, 4 giờ».
wiz-remind-offset_too_large = Mốc nhắc “{ $value }” dài hơn thời gian phong trào ({ $days } ngày). Vui lòng gõ lại.
wiz-ask-more-milestones = Thêm mốc nào nữa? Bấm «✔ Xong» nếu đủ.
wiz-ask-audience = Phong trào dành cho ai?
wiz-audience-own = 1. Toàn đơn vị của tôi (mặc định)
wiz-audience-pick = 2. Chọn đơn vị cấp dưới
wiz-ask-audience-units = Chọn các đơn vị tham gia (bấm để chọn/bỏ hoặc gõ số), xong bấm «✔ Xong».
wiz-audience-empty = Cần chọn ít nhất một đơn vị.
wiz-preview = 👁 <b>Xem trước dự thảo</b>
wiz-save = 💾 Lưu dự thảo
wiz-save-help = Bấm «💾 Lưu dự thảo», «‹ Quay lại» hoặc gửi /cancel.
wiz-save-failed = Chưa lưu được ({ $reason }). { $You } kiểm tra lại các bước.
wiz-saved = ✅ Đã lưu dự thảo <b>{ $title }</b> (mã <code>{ $code }</code>). Mở phong trào để phát động.
wiz-open = 📋 Mở phong trào

## Đăng ký thi đua, báo cáo tiến độ, Của tôi
flow-restarted = Bot vừa được cập nhật nên việc “{ $flow }” đang làm dở không tiếp tục được. { $You } vui lòng thực hiện lại từ đầu. Mong { $you } thông cảm.
flow-restarted-gone = Bot vừa được cập nhật và thao tác đang dở không còn nữa. { $You } chọn việc cần làm trong menu.
flow-busy = { $You } đang làm dở “{ $flow }”. Hãy trả lời câu hỏi ở trên, hoặc gõ /cancel để dừng.
flow-busy-button = { $You } đang làm dở “{ $flow }”. Hãy dùng tin nhắn mới nhất, hoặc /cancel để dừng.
cv-yes = Có
cv-no = Không
cv-skip = ⏭ Bỏ qua
cv-done = ✔ Xong
cv-confirm = ✔ Xác nhận
cv-hint-button = Vui lòng bấm một nút ở trên (hoặc gõ số thứ tự của lựa chọn), hoặc /cancel để dừng.
cv-text-too-long = Nội dung dài quá { $max } ký tự. Vui lòng gõ ngắn gọn hơn.
cv-number-invalid = Chưa đọc được số. Vui lòng gõ số, ví dụ 3 hoặc 12,5.
cv-number-negative = Số không được âm. Vui lòng gõ lại.
cv-number-out_of_range = Số quá lớn hoặc quá nhiều chữ số thập phân (tối đa 4). Vui lòng gõ lại.
cv-yes-no-invalid = Vui lòng bấm «Có» hoặc «Không» (hoặc gõ có / không).
reg-flow-name = Đăng ký thi đua
reg-title-LDTT = Lao động tiên tiến
reg-title-CSTDCS = Chiến sĩ thi đua cơ sở
reg-title-CSTD_TINH = Chiến sĩ thi đua bộ, ban, ngành, tỉnh
reg-title-CSTD_TQ = Chiến sĩ thi đua toàn quốc
reg-title-TTLDTT = Tập thể lao động tiên tiến
reg-title-TTLDXS = Tập thể lao động xuất sắc
reg-title-CO_TINH = Cờ thi đua của bộ, ban, ngành, tỉnh
reg-title-CO_CP = Cờ thi đua của Chính phủ
reg-title-GIA_DINH_VH = Gia đình văn hóa
reg-title-THON_VH = Thôn, tổ dân phố văn hóa
reg-title-XA_TIEU_BIEU = Xã, phường, thị trấn tiêu biểu
reg-title-desc-LDTT = hoàn thành tốt nhiệm vụ trở lên (Điều 24 Luật TĐKT 2022).
reg-title-desc-CSTDCS = đạt danh hiệu Lao động tiên tiến và hoàn thành xuất sắc nhiệm vụ, hoặc có sáng kiến, đề tài/đề án khoa học, hoặc mưu trí, sáng tạo trong chiến đấu (Điều 23).
reg-title-desc-CSTD_TINH = 3 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở và có sáng kiến, đề tài/đề án khoa học hoặc mưu trí, sáng tạo trong chiến đấu có phạm vi ảnh hưởng cấp bộ, ban, ngành, tỉnh (Điều 22).
reg-title-desc-CSTD_TQ = 2 lần liên tục đạt danh hiệu Chiến sĩ thi đua bộ, ban, ngành, tỉnh và có sáng kiến, đề tài/đề án khoa học hoặc mưu trí, sáng tạo trong chiến đấu có phạm vi ảnh hưởng toàn quốc (Điều 21).
reg-title-desc-TTLDTT = hoàn thành tốt nhiệm vụ, ít nhất 70% cá nhân trong tập thể đạt danh hiệu Lao động tiên tiến (Điều 28).
reg-title-desc-TTLDXS = tập thể hoàn thành xuất sắc nhiệm vụ, thi đua thiết thực, hiệu quả; 100% cá nhân hoàn thành nhiệm vụ, ít nhất 70% đạt danh hiệu Lao động tiên tiến, có cá nhân đạt Chiến sĩ thi đua cơ sở; nội bộ đoàn kết (Điều 27).
reg-title-desc-CO_TINH = đơn vị dẫn đầu khối, cụm thi đua trong năm (Điều 26).
reg-title-desc-CO_CP = tiêu biểu xuất sắc trong các đơn vị dẫn đầu khối, cụm thi đua; hoặc dẫn đầu khối, cụm do cơ quan trung ương tổ chức; hoặc dẫn đầu phong trào thi đua do Thủ tướng Chính phủ phát động từ 5 năm trở lên (Điều 25).
reg-title-desc-GIA_DINH_VH = bình xét hằng năm, hoàn thành trước 25/11 (Nghị định 86/2023).
reg-title-desc-THON_VH = bình xét hằng năm, hoàn thành trước 25/11 (Nghị định 86/2023).
reg-title-desc-XA_TIEU_BIEU = bình xét hằng năm, hoàn thành trước 25/11 (Nghị định 86/2023).
reg-title-desc-custom = danh hiệu riêng của phong trào này.
reg-basis-EXCELLENT_RATING = Hoàn thành xuất sắc nhiệm vụ
reg-basis-INITIATIVE = Sáng kiến
reg-basis-TOPIC = Đề tài khoa học
reg-campaign-not-open = Phong trào này hiện không mở đăng ký cho đơn vị của { $you }.
reg-no-campaigns = Hiện chưa có phong trào thi đua nào đang mở cho đơn vị của { $you }.
reg-ask-campaign = { $You } đăng ký thi đua cho phong trào nào?
reg-no-titles-for-you = Phong trào này không có danh hiệu nào để { $you } đăng ký.
reg-ask-scope = <b>{ $campaign }</b>
    { $You } đăng ký cho cá nhân hay thay mặt tập thể đơn vị?
reg-scope-individual = 👤 Cá nhân
reg-scope-collective = 👥 Tập thể: { $unit }
reg-existing = { $You } đã đăng ký (trạng thái: { $status }). Đăng ký lại sẽ sửa đăng ký này.
reg-status-SUBMITTED = đã gửi, chờ duyệt
reg-status-RETURNED = bị trả lại để bổ sung
reg-status-APPROVED = đã được duyệt
reg-status-REJECTED = không được duyệt
reg-status-WITHDRAWN = đã rút
reg-edit = ✏️ Sửa đăng ký
reg-withdraw = ↩ Rút đăng ký
reg-withdrawn = Đã rút đăng ký phong trào “{ $campaign }”. { $You } có thể đăng ký lại trước hạn.
reg-ask-title = <b>{ $campaign }</b>
    Chọn danh hiệu thi đua { $you } đăng ký:
reg-keep = Giữ: { $value }
reg-current = Hiện tại: <b>{ $value }</b>
reg-ask-line-NUMBER = Nội dung thi đua { $n }/{ $total }: <b>{ $line }</b>
    { $You } cam kết đạt bao nhiêu{ $unit }? Gõ số (ví dụ 3 hoặc 12,5). Bấm «Bỏ qua» để bỏ nội dung này, «Xong» để kết thúc phần cam kết.
reg-ask-line-YES_NO = Nội dung thi đua { $n }/{ $total }: <b>{ $line }</b>
    { $You } có cam kết thực hiện không? Chọn «Có» hoặc «Không». Bấm «Bỏ qua» để bỏ nội dung này, «Xong» để kết thúc phần cam kết.
reg-ask-line-TEXT = Nội dung thi đua { $n }/{ $total }: <b>{ $line }</b>
    { $You } gõ cam kết ngắn gọn. Bấm «Bỏ qua» để bỏ nội dung này, «Xong» để kết thúc phần cam kết.
reg-hint-line-NUMBER = Vui lòng gõ số (ví dụ 3 hoặc 12,5), hoặc bấm «Bỏ qua» / «Xong».
reg-hint-line-YES_NO = Vui lòng bấm «Có» hoặc «Không», hoặc «Bỏ qua» / «Xong».
reg-hint-line-TEXT = Vui lòng gõ nội dung bằng chữ, hoặc bấm «Bỏ qua» / «Xong».
reg-ask-basis = Danh hiệu <b>{ $title }</b> cần đạt một trong các tiêu chuẩn sau ({ $citation }). { $You } dự kiến đạt tiêu chuẩn nào?
reg-ask-initiative = { $You } gõ tên sáng kiến dự kiến:
reg-ask-topic = { $You } gõ tên đề tài khoa học dự kiến:
reg-hint-initiative = Vui lòng gõ tên bằng chữ (tối đa 300 ký tự), hoặc /cancel để dừng.
reg-summary-title = <b>Đăng ký thi đua — { $campaign }</b>
reg-summary-individual = Đối tượng: cá nhân ({ $unit })
reg-summary-collective = Đối tượng: tập thể <b>{ $unit }</b>
reg-summary-danh-hieu = Danh hiệu: <b>{ $title }</b>
reg-summary-no-commitments = Chỉ tiêu: (chưa có)
reg-summary-commitments = Chỉ tiêu cam kết:
reg-summary-basis = Tiêu chuẩn dự kiến đạt: { $basis }
reg-summary-initiative = Sáng kiến/đề tài: <b>{ $initiative }</b>
reg-done = ✅ Đã ghi nhận đăng ký danh hiệu <b>{ $title }</b> — phong trào “{ $campaign }”. Cán bộ phụ trách sẽ xem xét và phản hồi.
reg-updated = ✅ Đã cập nhật đăng ký: danh hiệu <b>{ $title }</b> — phong trào “{ $campaign }”. Đăng ký đã được gửi lại để duyệt.
reg-closed = Đã hết hạn đăng ký thi đua ({ $deadline }). Nếu có lý do chính đáng, { $you } liên hệ { $contact }.
reg-closed-no-officer = cán bộ phụ trách thi đua của đơn vị
reg-refused-title_not_offered = Phong trào không có danh hiệu này.
reg-refused-title_wrong_scope = Danh hiệu này không dành cho đối tượng đã chọn.
reg-refused-collective_officer_only = Chỉ cán bộ phụ trách thi đua của đơn vị mới đăng ký danh hiệu tập thể.
reg-refused-member_without_unit = { $You } chưa thuộc đơn vị nào. Gửi /start để chọn đơn vị.
reg-refused-registration_closed = Đã hết hạn đăng ký.
reg-refused-already_registered = { $You } đã đăng ký phong trào này.
reg-refused-registration_rejected = Đăng ký của { $you } không được duyệt nên không thể đăng ký lại. { $You } liên hệ cán bộ phụ trách nếu cần.
reg-refused-basis_required = Danh hiệu này cần chọn tiêu chuẩn dự kiến đạt.
reg-refused-basis_not_allowed = Tiêu chuẩn đã chọn không phù hợp với danh hiệu.
reg-refused-campaign_not_open = Phong trào này không còn mở.
reg-refused-not_in_audience = Đơn vị của { $you } không thuộc đối tượng của phong trào này.
reg-refused-not_found = Không tìm thấy đăng ký.
reg-return-flow-name = Trả lại đăng ký
reg-return-ask = { $You } gõ lý do trả lại đăng ký #{ $id } (người đăng ký sẽ nhận được lý do này):
reg-return-hint = Vui lòng gõ lý do bằng chữ, hoặc /cancel để dừng.
reg-returned = Đã trả lại đăng ký #{ $id }. Người đăng ký đã được báo kèm lý do.
reg-approved = Đã duyệt đăng ký #{ $id }. Người đăng ký đã được báo.
reg-approved-toast = Đã duyệt
reg-decide-not_found = Không tìm thấy đăng ký này.
reg-decide-out_of_scope = Đăng ký này nằm ngoài phạm vi phụ trách của { $you }.
reg-decide-not_pending = Đăng ký này đã được rút hoặc không còn chờ duyệt.
reg-decide-reason_required = Cần ghi lý do khi trả lại.
reg-notice-approved = ✅ Đăng ký danh hiệu <b>{ $title }</b> (phong trào “{ $campaign }”) của { $you } đã được cán bộ { $officer } duyệt.
reg-notice-returned = ↩ Đăng ký danh hiệu <b>{ $title }</b> (phong trào “{ $campaign }”) được cán bộ { $officer } trả lại để bổ sung.
    Lý do: { $reason }
    { $You } sửa bằng lệnh /register.
reg-digest-title = <b>Đăng ký mới — { $campaign }</b> ({ $count } đăng ký, tính đến { $at }):
reg-digest-line = #{ $id } { $who }{ $unit }: { $title }
reg-approve-button = ✔ Duyệt #{ $id }
reg-return-button = ↩ Trả lại #{ $id }
my-title = <b>👤 Tình hình thi đua của { $you }</b>
my-none = Hiện chưa có phong trào nào đang mở cho đơn vị của { $you }.
my-not-registered = Chưa đăng ký — gửi /register để đăng ký.
my-reg-individual = Cá nhân: <b>{ $title }</b> — { $status }
my-reg-collective = Tập thể { $unit }: <b>{ $title }</b> — { $status }
my-return-reason = Lý do trả lại: { $reason }
my-reports = Báo cáo đã gửi: { $count } (kỳ này: { $period })
my-next-deadline = Hạn tiếp theo: { $what } — { $due } ({ $left })
my-days-left = còn { $days } ngày
my-hours-left = còn { $hours } giờ
my-overdue = đã quá hạn
my-milestone-REGISTRATION = Đăng ký thi đua
my-milestone-PROGRESS_REPORT = Báo cáo tiến độ
my-milestone-MIDTERM_REVIEW = Sơ kết
my-milestone-FINAL_REVIEW = Tổng kết
my-milestone-CUSTOM = Mốc thời gian
rep-flow-name = Báo cáo tiến độ
rep-reviews-open = <b>Báo cáo sơ kết/tổng kết đang mở:</b>
rep-review-line = • { $kind } { $title } — { $campaign }, hạn { $due }
rep-review-MIDTERM_REVIEW = Sơ kết
rep-review-FINAL_REVIEW = Tổng kết
rep-reviews-pointer = Gửi báo cáo của đơn vị bằng lệnh /review.
rep-no-campaigns = Hiện chưa có phong trào nào đang mở cho đơn vị của { $you }.
rep-ask-campaign = { $You } báo cáo cho phong trào nào?
rep-no-period = Phong trào “{ $campaign }” hiện không có kỳ báo cáo nào đang mở.
rep-ask-line = <b>{ $campaign }</b> — kỳ báo cáo hạn { $due }
    Chọn nội dung cần báo cáo:
rep-ask-note = Ghi chú thêm (nếu có)? Gõ ghi chú hoặc bấm «Bỏ qua».
rep-hint-note = Vui lòng gõ ghi chú bằng chữ, hoặc bấm «Bỏ qua».
rep-ask-evidence = Gửi ảnh hoặc tệp minh chứng (không bắt buộc; không có thì bấm «Xong»). Nhận PDF, DOCX, XLSX, JPG, PNG, mỗi tệp tối đa { $max }. Gửi xong bấm «Xong» hoặc gõ «xong».
rep-evidence-more = Đã nhận { $count } tệp minh chứng. Gửi thêm, hoặc bấm «Xong».
rep-hint-evidence = Vui lòng gửi ảnh hoặc tệp (PDF, DOCX, XLSX, JPG, PNG), hoặc bấm «Xong».
rep-evidence-too-large = Tệp { $name } ({ $size }) vượt quá giới hạn { $max }. { $You } gửi tệp nhỏ hơn.
rep-evidence-type = Tệp “{ $name }” không đúng định dạng. Chỉ nhận PDF, DOCX, XLSX, JPG, PNG.
rep-summary-title = <b>Báo cáo tiến độ — { $campaign }</b>
rep-summary-line = Nội dung: { $line }
rep-summary-value = Kết quả: <b>{ $value }</b>
rep-summary-note = Ghi chú: { $note }
rep-summary-evidence = Minh chứng: { $count } tệp
rep-refused-campaign_not_open = Phong trào này không còn mở.
rep-refused-line_unknown = Nội dung này không thuộc phong trào.
rep-refused-no_open_period = Kỳ báo cáo đã đóng.
rep-refused-evidence_too_large = Có tệp minh chứng vượt quá 20 MB.
rep-refused-evidence_type = Có tệp minh chứng không đúng định dạng.
rep-evidence-unknown = Không có báo cáo #{ $id }.
rep-evidence-header = Minh chứng của báo cáo #{ $id } — { $member }, “{ $line }” ({ $at }): { $count } tệp.
rep-evidence-none = Chưa có báo cáo nào kèm minh chứng trong phạm vi của { $you }.
rep-evidence-list = Chọn báo cáo cần xem minh chứng:
cmd-newcampaign = Tạo phong trào thi đua
cmd-importcampaign = Nhập phong trào từ tệp YAML/JSON
cmd-announce = Gửi thông báo bổ sung

## Flows (src/flows): problems shown while re-asking one step, the same on every channel
flow-problem-no-file = Bước này cần câu trả lời bằng chữ, không phải tệp. Vui lòng gõ câu trả lời, hoặc gõ «hủy» để dừng.
flow-problem-stale-choice = Lựa chọn này đã cũ. Vui lòng chọn trong câu hỏi mới nhất.
flow-problem-choice = Vui lòng chọn bằng nút, hoặc gõ số thứ tự (1–{ $count }) hay tên của lựa chọn. Gõ «quay lại» để trở lại, «hủy» để dừng.
flow-problem-number-invalid = Chưa đọc được số. Vui lòng gõ số, ví dụ 3 hoặc 12,5.
flow-problem-number-negative = Số không được âm. Vui lòng gõ lại.
flow-problem-number-out-of-range = Số quá lớn hoặc quá nhiều chữ số thập phân (tối đa 4). Vui lòng gõ lại.
flow-problem-date-invalid = Ngày này không có trên lịch. Vui lòng gõ lại (ngày/tháng/năm, ví dụ 30/06/2026).
flow-problem-date-format = Chưa đúng dạng ngày. Vui lòng gõ ngày/tháng/năm, ví dụ 30/06/2026.
flow-problem-file = Bước này cần một tệp hoặc ảnh. { $You } gửi tệp, hoặc gõ «quay lại» / «hủy».
flow-problem-text = Vui lòng gõ câu trả lời bằng chữ.
flow-problem-first-step = Đây là câu hỏi đầu tiên. { $You } trả lời, hoặc gõ «hủy» để dừng.
flow-text-hint-choice = Trả lời bằng số thứ tự hoặc tên lựa chọn. 0 — quay lại · «hủy» — dừng.
flow-text-hint = «quay lại» — trở lại câu trước · «hủy» — dừng.
# --- Reports and numbers (issue 8: evidence kept on correction, add/replace, two-way figures) ---
cv-number-exponent = Hệ thống không đọc số viết dạng lũy thừa (như 1e9). { $You } gõ đủ các chữ số, ví dụ 1.000.000.000.
cv-number-which = { $You } gõ “{ $typed }”: ý { $you } là <b>{ $thousands }</b> hay <b>{ $decimal }</b>?
    { $You } bấm chọn, hoặc gõ lại số không dùng dấu phân cách hàng nghìn (ví dụ 500000).
cv-number-which-hint = { $You } bấm một trong hai lựa chọn ở trên, hoặc gõ lại số không dùng dấu phân cách hàng nghìn (ví dụ 500000 hoặc 500).
rep-ask-mode = Kỳ này { $you } đã báo cáo “{ $line }”: <b>{ $value }</b> (lúc { $at }, { $files } tệp minh chứng).
    Lần này { $you } cộng thêm kết quả mới vào báo cáo đó, hay sửa (thay) kết quả đã báo cáo?
rep-mode-add = ➕ Cộng thêm vào báo cáo đã gửi
rep-mode-replace = ✏️ Sửa (thay) báo cáo đã gửi
rep-value-total-NUMBER = <b>{ $line }</b>
    Tổng kết quả đạt được trong kỳ tính đến nay{ $unit }? Gõ số, ví dụ 3 hoặc 12,5.
rep-value-total-YES_NO = <b>{ $line }</b>
    Tính đến nay trong kỳ đã thực hiện chưa? Chọn «Có» hoặc «Không».
rep-value-total-TEXT = <b>{ $line }</b>
    { $You } gõ kết quả thực hiện trong kỳ tính đến nay:
rep-value-add-NUMBER = <b>{ $line }</b>
    Kết quả MỚI đạt được từ lần báo cáo trước{ $unit }? Số này sẽ được cộng vào { $previous } đã báo cáo. Gõ số, ví dụ 3 hoặc 12,5.
rep-value-add-TEXT = <b>{ $line }</b>
    { $You } gõ kết quả MỚI từ lần báo cáo trước; nội dung này được bổ sung vào báo cáo đã gửi:
rep-value-replace-NUMBER = <b>{ $line }</b>
    Tổng kết quả cả kỳ tính đến nay{ $unit }, thay cho { $previous } đã báo cáo? Gõ số, ví dụ 3 hoặc 12,5.
rep-value-replace-YES_NO = <b>{ $line }</b>
    Tính đến nay trong kỳ đã thực hiện chưa (thay cho “{ $previous }” đã báo cáo)? Chọn «Có» hoặc «Không».
rep-value-replace-TEXT = <b>{ $line }</b>
    { $You } gõ kết quả thực hiện cả kỳ tính đến nay; nội dung này thay cho báo cáo đã gửi:
rep-ask-keep-evidence = Báo cáo đã gửi có { $count } tệp minh chứng. { $You } giữ các tệp đó (và gửi thêm nếu cần) hay thay bằng tệp mới?
rep-keep-evidence = 📎 Giữ { $count } tệp đã gửi
rep-replace-evidence = 🔄 Thay bằng tệp mới
rep-evidence-kept = (Giữ nguyên { $count } tệp đã gửi; tệp gửi thêm sẽ được bổ sung.)
rep-evidence-caption = Ghi chú của tệp: “{ $caption }”
rep-summary-value-added = Kết quả: <b>{ $value }</b> (cộng vào { $previous } đã báo cáo: tổng <b>{ $total }</b>)
rep-summary-value-appended = Kết quả bổ sung: <b>{ $value }</b> (thêm vào báo cáo đã gửi)
rep-summary-evidence-kept = Minh chứng: { $total } tệp ({ $kept } tệp đã gửi, { $added } tệp mới)
rep-summary-evidence-replaced = Minh chứng: { $added } tệp mới (thay cho { $dropped } tệp đã gửi)
rep-summary-replaces = (Báo cáo này thay cho kết quả đã báo cáo trong kỳ: { $previous }.)
rep-saved-new = ✅ Đã ghi nhận báo cáo “{ $line }”: <b>{ $value }</b>. Báo cáo có { $files } tệp minh chứng. Kỳ báo cáo hạn { $due }.
rep-saved-add = ✅ Đã cộng thêm vào báo cáo “{ $line }”: tổng kỳ này <b>{ $value }</b>. Báo cáo có { $files } tệp minh chứng. { $You } còn bổ sung hoặc sửa được đến { $due }.
rep-saved-replace = ✅ Đã sửa báo cáo “{ $line }”: <b>{ $value }</b>. Báo cáo có { $files } tệp minh chứng. { $You } còn bổ sung hoặc sửa được đến { $due }.
rep-refused-report_exists = Trong lúc { $you } báo cáo, nội dung này đã có báo cáo khác trong kỳ. { $You } mở lại /report để chọn cộng thêm hay sửa báo cáo đó.
rep-refused-report_changed = Báo cáo { $you } định sửa đã thay đổi trong lúc { $you } thao tác. { $You } mở lại /report để xem kết quả mới nhất.
rep-refused-cannot_add = Nội dung dạng có/không không cộng dồn được; { $you } chọn sửa báo cáo.
rep-refused-value_out_of_range = Tổng kết quả sau khi cộng quá lớn. { $You } kiểm tra lại số đã gõ.
flow-problem-number-exponent = Hệ thống không đọc số viết dạng lũy thừa (như 1e9). { $You } gõ đủ các chữ số, ví dụ 1.000.000.000.
flow-problem-number-ambiguous = Số này đọc được hai cách (ví dụ 500,000 là 500.000 hay 500?). Vui lòng gõ lại số không dùng dấu phân cách hàng nghìn, ví dụ 500000 hoặc 500.

# ---- Tệp độc hại / quá phức tạp (hardening: tệp phong trào và tệp đơn vị) ----
camp-err-nesting_too_deep = tệp lồng nhau sâu quá { $max } cấp (tại dòng { $line }); tệp kế hoạch thi đua chỉ cần vài cấp, đề nghị { $You } kiểm tra lại đúng tệp
camp-err-yaml_aliases = tệp dùng bí danh YAML (*tên, tại dòng { $line }) để lặp lại nội dung quá { $max } lần; đề nghị { $You } viết trực tiếp nội dung thay cho bí danh
units-error-file_too_deep = tệp lồng nhau sâu quá { $max } cấp; danh sách đơn vị chỉ cần vài cấp, đề nghị { $You } kiểm tra lại đúng tệp
units-error-file_aliases = tệp dùng bí danh YAML (*tên) để lặp lại nội dung quá { $max } lần; đề nghị { $You } viết trực tiếp từng đơn vị

# ---- Danh hiệu theo luật hiện hành (hardening: căn cứ mưu trí, sáng tạo trong chiến đấu) ----
reg-basis-COMBAT_INGENUITY = Mưu trí, sáng tạo trong chiến đấu
reg-ask-combat = { $You } gõ tóm tắt thành tích mưu trí, sáng tạo trong chiến đấu, phục vụ chiến đấu dự kiến:

## Telegram's limits: paged buttons, digests in parts, /registrations (issue 8)
page-prev = ‹ Trang trước
page-next = Trang sau ›
page-of = { $page }/{ $pages }
reg-digest-part = (phần { $part }/{ $parts })
cmd-registrations = Duyệt đăng ký thi đua
reg-list-title-SUBMITTED = <b>📥 Đăng ký chờ duyệt</b> ({ $from }–{ $to } / { $total })
reg-list-title-APPROVED = <b>✔ Đăng ký đã duyệt</b> ({ $from }–{ $to } / { $total })
reg-list-title-RETURNED = <b>↩ Đăng ký đã trả lại</b> ({ $from }–{ $to } / { $total })
reg-list-line = #{ $id } <b>{ $who }</b>{ $unit } — { $title }
reg-list-detail = “{ $campaign }” · { $commitments } chỉ tiêu · { $at }
reg-list-hint = Bấm ✔ để duyệt, ↩ để trả lại kèm lý do; người đăng ký sẽ được báo.
reg-list-empty-SUBMITTED = Không có đăng ký nào chờ duyệt trong phạm vi phụ trách của { $You }.
reg-list-empty-APPROVED = Chưa có đăng ký nào được duyệt trong phạm vi phụ trách của { $You }.
reg-list-empty-RETURNED = Không có đăng ký nào bị trả lại trong phạm vi phụ trách của { $You }.
reg-list-filter-SUBMITTED = 📥 Chờ duyệt
reg-list-filter-APPROVED = ✔ Đã duyệt
reg-list-filter-RETURNED = ↩ Đã trả lại
reminder-summary-units-more = … và { $count } đơn vị khác.
# Store outage (issue 8: hardening)
# ---- Gián đoạn lưu trữ (hardening: PostgreSQL/Redis tạm mất kết nối) ----
store-resend = ⚠️ Hệ thống lưu trữ vừa tạm gián đoạn nên câu trả lời vừa rồi của { $you } chưa được ghi nhận. { $You } vui lòng gửi lại (hoặc bấm lại nút) sau giây lát.
## Authorization (issue 8): who may change what
unit-move-refused = { $You } đang là cán bộ phụ trách thi đua của “{ $current }”. Chuyển sang “{ $unit }” sẽ mở rộng phạm vi phụ trách của { $you }, nên { $you } không tự chuyển được; đơn vị vẫn giữ nguyên.
    Việc chuyển này do quản trị viên hoặc cán bộ phụ trách cả hai đơn vị thực hiện (lệnh /moveunit): { $who }.
unit-move-who-officer = { $name } (cán bộ phụ trách { $unit })
unit-move-who-admin = { $name } (quản trị viên)
unit-move-who-none = quản trị viên của hệ thống
cmd-moveunit = Chuyển một người sang đơn vị khác
moveunit-usage = Cú pháp: /moveunit MÃ_ĐƠN_VỊ | họ tên. Ví dụ: /moveunit XA_A | Nguyễn Văn An
moveunit-choose = Chọn người cần chuyển sang <b>{ $unit }</b>:
moveunit-done = Đã chuyển <b>{ $name }</b> từ “{ $from }” sang <b>{ $unit }</b>. Việc này đã được ghi vào nhật ký.
reg-decide-forbidden = { $You } không còn quyền duyệt đăng ký. Yêu cầu đã được ghi vào nhật ký.
revoke-configured-admin = { $name } là quản trị viên theo cấu hình ADMIN_IDS; chỉ sửa ADMIN_IDS rồi khởi động lại bot mới thu hồi được quyền này.
revoke-admin-done = Đã thu hồi quyền quản trị viên của <b>{ $name }</b>.
group-link-not-chat-admin = Chỉ quản trị viên của nhóm này, đồng thời là cán bộ phụ trách thi đua, mới liên kết được nhóm với đơn vị. Yêu cầu đã được ghi vào nhật ký.
group-relink-ask = Nhóm này đang liên kết với đơn vị “{ $current }”. { $You } có chắc muốn chuyển liên kết sang <b>{ $unit }</b>? Từ đó nhóm sẽ nhận thông báo của đơn vị mới thay cho đơn vị cũ.
group-relink-yes = ✔ Chuyển sang { $unit }
group-relink-no = ✖ Giữ nguyên
group-relinked = ✅ Đã chuyển liên kết của nhóm từ “{ $from }” sang <b>{ $unit }</b>. Việc này đã được ghi vào nhật ký.
group-relink-kept = Đã giữ nguyên liên kết của nhóm.
group-private-only = Lệnh này chỉ dùng trong trò chuyện riêng với bot. { $You } vui lòng mở trò chuyện riêng với bot để sử dụng.
group-private-open = Mở trò chuyện riêng
revoke-admin-confirm = Thu hồi quyền quản trị viên của <b>{ $name }</b> ({ $unit })? Người này sẽ trở thành thành viên.
# --- Báo cáo tiến độ trên mô hình luồng chung (issue 9) ---
# A text already in the member's language (composed by a flow) or data (a title on a button).
flow-verbatim = { $text }
review-flow-name = Báo cáo sơ kết/tổng kết của đơn vị

## Onboarding and profile as channel-neutral flows (issue 9: src/flows/onboarding.ts, src/flows/profile.ts)
onb-flow-name = Tham gia đơn vị
onb-choose-unit =
    { start-choose-unit }

    { unit-picker-title }
onb-unit-open = { $unit } ›
profile-name-flow-name = Đổi họ tên
profile-unit-flow-name = Đổi đơn vị
language-flow-name = Đổi ngôn ngữ
language-option-vi = Tiếng Việt
language-option-en = English

## Granting and revoking the officer role as a channel-neutral flow (issue 9: src/flows/grant-role.ts)
grant-flow-name = Cấp hoặc thu hồi quyền cán bộ

## Outbox messages on a text-only channel (issue 9: src/messages/text.ts): actions as numbered lines
out-action-send = { $n }. { $label } — Gửi: { $command }
out-action-link = { $n }. { $label }: { $url }
out-cmd-register = đăng ký { $code }
out-cmd-report = báo cáo { $id }
out-cmd-review = nộp báo cáo { $id }
out-cmd-nudge = nhắc { $id }
out-cmd-approve = duyệt { $id }
out-cmd-return = trả lại { $id }
out-cmd-stop-broadcast = dừng gửi { $id }
## Liên kết tài khoản Telegram và Zalo (issue 10: src/flows/link.ts, src/services/identity-links.ts)
link-flow-name = Liên kết tài khoản
channel-name-TELEGRAM = Telegram
channel-name-ZALO = Zalo
link-code =
    Mã liên kết của { $you }: <b>{ $code }</b> (dùng một lần, hiệu lực đến { $until }).
    { $channel ->
        [TELEGRAM] Trên Zalo, gửi: <code>LINK { $code }</code>
       *[other] Trên Telegram, gửi: <code>/link { $code }</code>
    }
    Hai tài khoản sẽ được gộp làm một: { $you } nhận mỗi thông báo một lần.
link-code-format = Mã liên kết gồm 6 chữ số, ví dụ: /link 123456. Gửi /link (không kèm mã) để lấy mã mới.
link-wrong-code = Mã liên kết không đúng. { $You } kiểm tra lại 6 chữ số, hoặc gửi /link trên kênh kia để lấy mã mới.
link-expired = Mã liên kết đã hết hạn (mỗi mã chỉ dùng được trong 10 phút). { $You } gửi /link trên kênh kia để lấy mã mới.
link-locked = { $You } đã nhập sai mã liên kết nhiều lần. Để bảo vệ tài khoản, xin { $you } thử lại sau { $until }.
link-own-code = Mã này được tạo trên { $channel }; { $you } hãy gửi nó trên kênh còn lại để liên kết hai tài khoản.
link-already-linked = Hai tài khoản này đã được liên kết với nhau rồi.
link-same-channel = Không liên kết được: cả hai tài khoản đều đã có trên cùng một kênh. Mỗi người chỉ liên kết một tài khoản Telegram với một tài khoản Zalo.
link-conflict =
    Cả hai tài khoản đều đã đăng ký thi đua “{ $campaign }” ({ $n }/{ $total }):
    • Trên { $issuerChannel }: { $issuer }
    • Trên { $channel }: { $redeemer }
    Giữ bản đăng ký nào? Bản còn lại sẽ bị xóa.
link-conflict-side = { $title } — { $status }
link-keep = Giữ bản trên { $channel }
link-conflict-unresolved = Không liên kết được: cả hai tài khoản đều đã đăng ký { $campaigns }. { $You } gửi lại mã để chọn bản đăng ký cần giữ.
link-confirm =
    Gộp tài khoản { $channel } này với tài khoản { $issuerChannel } của <b>{ $name }</b> ({ $unit })?
    Họ tên, đơn vị và vai trò giữ theo tài khoản { $issuerChannel }; đăng ký, báo cáo trên { $channel } được chuyển sang. Việc gộp không thể hoàn tác.
link-confirm-kept = • “{ $campaign }”: giữ bản đăng ký trên { $channel }
link-yes = 🔗 Gộp tài khoản
link-done = ✅ Đã liên kết: <b>{ $name }</b> dùng bot trên { $channels } như một người. Mỗi thông báo và lời nhắc chỉ gửi một lần, đến kênh { $you } dùng gần nhất (đổi trong /settings).
cmd-link = Liên kết tài khoản Telegram và Zalo
## Zalo: trả lời bằng chữ (src/channels/zalo/handler.ts)
zalo-start-welcome =
    Xin chào { $name }! 👋
    ThiĐua Bot (trợ lý tự động) giúp { $you } theo dõi các phong trào thi đua của đơn vị: đăng ký thi đua, báo cáo tiến độ và nhận nhắc hạn ngay trong Zalo.
zalo-not-joined = { $You } chưa tham gia đơn vị. Gửi mã mời của đơn vị (cán bộ phụ trách cung cấp), hoặc gửi «bắt đầu» để chọn đơn vị.
zalo-invite-invalid = Mã mời này không hợp lệ hoặc đã được thay mới. { $You } hãy chọn đơn vị trong danh sách.
zalo-flow-busy = { $You } đang làm dở “{ $flow }”. Hãy trả lời câu hỏi ở trên, hoặc gửi «hủy» để dừng.
zalo-unhandled = Tôi chưa hiểu yêu cầu này. Gửi «menu» để xem các việc có thể làm.
zalo-unsupported = Xin lỗi, bot chỉ đọc được tin nhắn chữ và ảnh. Gửi «menu» để xem các việc có thể làm.
zalo-image-failed = Không tải được ảnh này từ Zalo. { $You } vui lòng gửi lại ảnh.
zalo-evidence-on-telegram = Tệp “{ $name }” được gửi trên Telegram và lưu tại Telegram: { $you } mở bot trên Telegram và gửi /evidence { $id } để xem.
zalo-evidence-no-public-url = Chưa thể hiển thị ảnh “{ $name }” trên Zalo: quản trị viên cần đặt PUBLIC_URL cho bot.
zalo-evidence-not-photo = Tệp “{ $name }” không phải ảnh nên không gửi được trên Zalo: { $you } xem tệp này trên Telegram.
zalo-evidence-send-failed = Không gửi được một ảnh minh chứng qua Zalo. { $You } thử lại sau.
zalo-action-register = { $label } — Gửi: đăng ký { $code }
zalo-menu =
    Gửi một trong các từ sau:
    • «đăng ký» — đăng ký thi đua
    • «báo cáo» — báo cáo tiến độ
    • «của tôi» — tình hình thi đua của tôi
    • «phong trào» — các phong trào của đơn vị
    • «cài đặt» — bật/tắt nhắc hạn
    • «trợ giúp» — trợ giúp
    Trong lúc trả lời: «0» hoặc «quay lại» — trở lại câu trước · «hủy» — dừng.
zalo-help-words =
    Trên Zalo có thể gửi lệnh bằng chữ (có dấu hoặc không dấu): «đăng ký», «báo cáo», «của tôi», «phong trào», «cài đặt», «hồ sơ», «ngôn ngữ», «trợ giúp», «menu», «hủy». «DK mã-phong-trào» mở đăng ký cho phong trào đó; gửi mã mời của đơn vị để tham gia đơn vị.
zalo-help-officer-words = Cán bộ gửi thêm: «tạo phong trào» — soạn phong trào mới · «phát động mã-phong-trào» — xem trước rồi phát động dự thảo · «đăng ký chờ duyệt» — danh sách chờ duyệt · «duyệt số» / «trả lại số» — quyết định một bản đăng ký · «minh chứng số» — xem ảnh minh chứng của một báo cáo · «thống kê [mã phong trào]» — số liệu và biểu đồ theo đơn vị.
zalo-profile-words = Gửi «đổi tên» để đổi họ tên, «đổi đơn vị» để đổi đơn vị, «ngôn ngữ» để đổi ngôn ngữ.
zalo-reg-decide = Gửi: { $approve } · { $return }
group-link-unknown-unit = Không tìm thấy đơn vị có mã này. Gửi mã mời hoặc mã của đơn vị, hoặc để trống để liên kết với đơn vị của { $you }.
group-link-out-of-scope = Đơn vị này nằm ngoài phạm vi phụ trách của { $you } nên không liên kết nhóm với đơn vị đó được.
zalo-group-relink-ask = Nhóm này đang liên kết với đơn vị “{ $current }”. Để chuyển liên kết sang { $unit }, gửi: @{ $bot } linkgroup { $code } xác nhận
zalo-group-private-only = Chào bạn! Bot chỉ làm việc trong tin nhắn riêng: hãy nhắn riêng cho bot để tham gia, đăng ký hay báo cáo. Trong nhóm, cán bộ thi đua có thể gửi «@{ $bot } linkgroup» để liên kết nhóm với đơn vị.

## Role changes (issue 12 #6)
out-role-granted = 🎖 { $You } { $by } đã cấp cho { $you } quyền cán bộ phụ trách thi đua của đơn vị “{ $unit }”.
    Từ nay { $you } có thể:
    • tạo và phát động phong trào cho đơn vị và các đơn vị trực thuộc (/newcampaign, /importcampaign);
    • duyệt đăng ký thi đua (/registrations) và nhắc người chưa thực hiện (/nudge);
    • nộp báo cáo sơ kết, tổng kết của đơn vị (/review) và lấy mã mời cho đơn vị (/invite).
    Gửi /help để xem đủ các lệnh.
out-role-revoked = { $You } { $by } đã thu hồi quyền { $from ->
        [ADMIN] quản trị viên
       *[other] cán bộ phụ trách thi đua
    } của { $you } (đơn vị “{ $unit }”).
    { $You } vẫn đăng ký thi đua, báo cáo và xem thi đua của mình như mọi thành viên; các lệnh của { $from ->
        [ADMIN] quản trị viên
       *[other] cán bộ
    } không còn dùng được.

## Joining after a launch (issue 12 #9)
onboarding-open-campaigns = { $count ->
        [one] Đơn vị của { $you } đang có một phong trào mở đăng ký thi đua:
       *[other] Đơn vị của { $you } đang có { $count } phong trào mở đăng ký thi đua:
    }
    { $list }
    { $You } đăng ký bằng lệnh /register; danh sách đầy đủ ở /campaigns.
onboarding-open-campaign = • “{ $title }”
onboarding-open-campaign-due = • “{ $title }” — hạn đăng ký { $due }
onboarding-register-button = 📝 Đăng ký “{ $code }”

## Names typed in lower case (issue 12 #18)
name-case-ask = Ghi họ và tên của { $you } là “{ $name }”?
name-case-use = ✔ { $name }
name-case-keep = Giữ “{ $typed }”
name-case-hint = Chọn một trong hai cách ghi tên ở trên, hoặc gõ lại họ và tên.

## A photo sent outside a flow (issue 12 #17)
rep-photo-offer = 📎 Đã nhận ảnh. Ảnh sẽ được ghi làm minh chứng cho báo cáo tiến độ dưới đây; nếu không phải ảnh minh chứng, gửi «hủy».
rep-photo-word = ảnh

## First run: the first admin's setup (issue 12 #5)
setup-no-units =
    🛠 Chào mừng quản trị viên! Bot chưa có đơn vị nào, nên chưa ai tham gia được. Các bước thiết lập:
    1. Tạo sơ đồ đơn vị: gửi /importunits rồi gửi tệp danh sách đơn vị (CSV, YAML hoặc Excel .xlsx, mẫu trong README), hoặc thêm từng đơn vị bằng /addunit.
    2. Gửi /start để chọn đơn vị của chính mình.
    3. Khi người của các đơn vị đã tham gia, cấp quyền cán bộ phụ trách thi đua bằng /grant.
    4. Gửi mã mời hoặc đường dẫn mời của từng đơn vị (/invite) cho thành viên.
setup-checklist =
    🛠 Thiết lập bot:
    { $units ->
        [0] ☐
       *[other] ✅
    } Đơn vị: { $units } — thêm bằng /importunits hoặc /addunit
    { $officers ->
        [0] ☐
       *[other] ✅
    } Cán bộ phụ trách thi đua: { $officers } — cấp quyền bằng /grant
    { $joined ->
        [0] ☐
        [1] ☐
       *[other] ✅
    } Người đã tham gia: { $joined } — gửi mã mời của đơn vị (/invite) cho thành viên

## Fixing a returned registration, one part at a time (issue 12 #14)
reg-notice-fix = ✏️ Sửa đăng ký
reg-existing-reason = Lý do trả lại: { $reason }
reg-ask-part = { $You } muốn sửa phần nào? Các phần khác giữ nguyên.
reg-part-title = Danh hiệu: { $title }
reg-part-empty = (chưa có)
reg-part-basis = Tiêu chuẩn và sáng kiến, đề tài
reg-part-all = Sửa lại tất cả từ đầu

## /my: progress against each commitment (issue 12 #16)
my-done-yes = có — đã báo cáo hoàn thành
my-done-not-yet = có — chưa báo cáo hoàn thành

## Units files: Excel and unknown groups (issue 12 #15)
import-old-excel = Tệp “{ $name }” là tệp Excel cũ (.xls). Trong Excel, chọn Tệp › Lưu thành › “Sổ làm việc Excel (.xlsx)” hoặc “CSV UTF-8 (.csv)”, rồi gửi tệp mới.
import-xlsx-unreadable = Không đọc được tệp “{ $name }” như một sổ làm việc Excel. { $You } lưu lại thành .xlsx hoặc “CSV UTF-8 (.csv)” rồi gửi lại.
units-error-group_unknown = chưa có khối/cụm thi đua mã “{ $value }”: tạo trước bằng /addgroup { $value } | Tên khối, hoặc khai báo trong phần groups: của tệp YAML

## /invite by name (issue 12 #7)
invite-pick = Có nhiều đơn vị khớp với “{ $query }”. Chọn đơn vị cần lấy đường dẫn mời:
## wizard (issue 12: campaign authoring in chat, draft editing)
wiz-step = <b>Bước { $n }/{ $total }</b> —
wiz-keep = ✔ Giữ “{ $value }”
wiz-previous = Đã nhập: “{ $value }”. Bấm «Giữ» để giữ nguyên hoặc gõ giá trị mới.
wiz-ask-code = Mã phong trào (dùng trong đường dẫn đăng ký): <code>{ $code }</code>. Bấm «Dùng mã này» hoặc gõ mã khác (chữ thường không dấu, số, dấu gạch ngang).
wiz-code-ok = ✔ Dùng mã này
wiz-code-invalid = “{ $value }” không dùng làm mã được: cần 3–40 ký tự, chữ thường không dấu, số và dấu gạch ngang, ví dụ «chao-mung-dai-hoi».
wiz-code-taken = Mã “{ $value }” đã được dùng cho phong trào khác. Gõ mã khác.
wiz-ask-issuer = Cơ quan phát động? (ví dụ «UBND tỉnh Hậu Giang»; bấm tên đơn vị bên dưới hoặc «Bỏ qua»)
wiz-ask-kind = Loại phong trào?
wiz-kind-THEMATIC = Theo chuyên đề, theo đợt
wiz-kind-REGULAR = Thường xuyên (hằng năm)
wiz-ask-description = Mô tả ngắn mục đích, yêu cầu của phong trào? (bấm «Bỏ qua» nếu không cần)
wiz-scope-INDIVIDUAL = cá nhân
wiz-scope-COLLECTIVE = tập thể
wiz-reward-GIAY_KHEN = Giấy khen
wiz-reward-GIAY_KHEN-of = Giấy khen của { $issuer }
wiz-reward-BANG_KHEN = Bằng khen
wiz-reward-BANG_KHEN-of = Bằng khen của { $issuer }
wiz-title-add-custom = ➕ Danh hiệu khác
wiz-ask-custom-name = Gõ tên danh hiệu hoặc hình thức khen thưởng riêng của phong trào (ví dụ «Công dân Đồng Khởi»).
wiz-ask-custom-scope = “{ $name }” xét cho cá nhân hay tập thể?
wiz-criteria-so-far = Nội dung đã có:
wiz-ask-target = Chỉ tiêu của “{ $title }” là bao nhiêu{ $unit ->
    [none] {""}
   *[other] {" "}({ $unit })
}? Gõ số, hoặc bấm «Bỏ qua» nếu không giao chỉ tiêu.
wiz-target-invalid = “{ $value }” không phải số hợp lệ. Gõ số, ví dụ 12 hoặc 1.234,5.
wiz-ms-so-far = Các mốc đã có ({ $count }):
wiz-ms-series = { $repeat }, { $count } lần: { $dates }
wiz-ms-remind = nhắc trước: { $offsets }
wiz-remind-default-short = mặc định (7 ngày, 2 ngày, 4 giờ)
wiz-remind-none = không nhắc
wiz-ask-ms-name = Tên mốc “{ $kind }” (ví dụ «Sơ kết 6 tháng»)? Bấm «Bỏ qua» để dùng tên chung.
wiz-ask-repeat = Mốc này có lặp lại không (lần đầu { $due })?
wiz-repeat-none = Không lặp lại
wiz-repeat-monthly = Hằng tháng
wiz-repeat-quarterly = Hằng quý
wiz-repeat-yearly = Hằng năm
wiz-ask-until = Lặp { $repeat } đến ngày nào (ngày/tháng/năm)? Bấm «Đến hết phong trào» để lặp đến { $ends }.
wiz-until-end = Đến hết phong trào
wiz-preview-kind = Loại phong trào: { $kind }
wiz-preview-description = Mô tả: { $text }
camp-edit-field-issuer = Cơ quan phát động
camp-edit-field-description = Mô tả
camp-edit-field-kind = Loại phong trào
camp-edit-field-titles = Danh hiệu, khen thưởng
camp-edit-field-criteria = Một nội dung thi đua
camp-edit-field-milestones = Một mốc thời hạn
camp-edit-ask-issuer = Gõ tên cơ quan phát động mới.
camp-edit-ask-description = Gõ mô tả mới.
camp-edit-ask-kind = Chọn loại phong trào.
camp-edit-ask-titles = Bấm để chọn/bỏ danh hiệu, hình thức khen thưởng (hoặc gõ số), xong bấm «✔ Xong». Đang chọn { $count }.
camp-edit-ask-criterion = Sửa nội dung thi đua nào? (hoặc thêm nội dung mới)
camp-edit-ask-milestone = Sửa mốc thời hạn nào? (hoặc thêm mốc mới)
camp-edit-add = ➕ Thêm mới
camp-edit-ask-part = Sửa gì ở “{ $item }”?
camp-edit-part-c-title = Nội dung (câu chữ)
camp-edit-part-c-measure = Cách đo
camp-edit-part-c-unit = Đơn vị tính
camp-edit-part-c-target = Chỉ tiêu
camp-edit-part-c-remove = 🗑 Xóa nội dung này
camp-edit-part-m-due = Hạn chót
camp-edit-part-m-title = Tên mốc
camp-edit-part-m-repeat = Lặp lại
camp-edit-part-m-remind = Mốc nhắc hạn
camp-edit-part-m-remove = 🗑 Xóa mốc này
camp-edit-ask-c-title = Gõ nội dung mới.
camp-edit-ask-c-measure = Nội dung này được đo bằng gì?
camp-edit-ask-c-unit = Gõ đơn vị tính mới (ví dụ: buổi, km, sáng kiến).
camp-edit-ask-c-target = Gõ chỉ tiêu mới (một số).
camp-edit-ask-c-remove = Xóa nội dung này khỏi bản nháp?
camp-edit-ask-c-add-title = Gõ nội dung thi đua mới.
camp-edit-ask-c-add-measure = Nội dung mới được đo bằng gì?
camp-edit-ask-m-due = Gõ hạn chót mới (ví dụ 15/12/2026 17:00), trong khoảng { $starts } – { $ends }.
camp-edit-ask-m-title = Gõ tên mới của mốc (ví dụ «Sơ kết 6 tháng»).
camp-edit-ask-m-repeat = Mốc này lặp lại thế nào?
camp-edit-ask-m-until = Lặp { $repeat } đến ngày nào (ngày/tháng/năm)? Bấm «Đến hết phong trào» để lặp đến { $ends }.
camp-edit-ask-m-remind = Nhắc trước hạn bao lâu? Gõ ví dụ «7 ngày, 2 ngày, 4 giờ», «7d 2d 4h» hoặc «1 tuần»; «0» để không nhắc.
camp-edit-ask-m-remove = Xóa mốc này khỏi bản nháp?
camp-edit-ask-m-add-kind = Thêm mốc loại nào?
camp-edit-ask-m-add-due = Hạn chót của mốc mới (ví dụ 15/12/2026 17:00), trong khoảng { $starts } – { $ends }?
camp-edit-current = Hiện tại: “{ $value }”
camp-edit-clear = Để trống
camp-edit-remove-confirm = 🗑 Xóa
camp-edit-remove-help = Bấm «🗑 Xóa» để xóa, hoặc «‹ Quay lại».
camp-edit-invalid = Chưa lưu được thay đổi này:
camp-edit-last_criterion = Phong trào cần ít nhất một nội dung thi đua: không xóa được nội dung cuối cùng.
## Stats (/stats, «thống kê»: src/insight/stats-message.ts, src/insight/chart.ts)
cmd-stats = Số liệu và biểu đồ thi đua theo đơn vị
stats-header = 📊 <b>Số liệu thi đua — { $campaign }</b>
stats-at = Số liệu lúc { $at }
stats-at-subtree = Số liệu lúc { $at }, các đơn vị thuộc phạm vi phụ trách của { $you }
stats-period = Kỳ báo cáo hiện tại: hạn { $deadline }
stats-total = <b>Tổng cộng</b>: { $registered }/{ $audience } người đã đăng ký ({ $share }%)
stats-unit = 🏢 <b>{ $unit }</b>: { $registered }/{ $audience } người đã đăng ký ({ $share }%)
stats-unit-empty = 🏢 <b>{ $unit }</b>: chưa có thành viên
stats-titles = Danh hiệu đăng ký: { $titles }
stats-title-count = { $title }: { $count }
stats-collective = Tập thể đăng ký danh hiệu: { $title }
stats-reports = Báo cáo trong kỳ: { $reports } báo cáo của { $reporters } người
stats-line = • { $line }: đạt { $reported }/{ $target }{ $unit }; { $reached }/{ $committed } người đạt chỉ tiêu đã cam kết
stats-line-yes-no = • { $line }: { $reported } người đã thực hiện; { $reached }/{ $committed } người cam kết đã đạt
stats-reach = Không liên lạc được: { $unreachable } người · Tắt nhắc hạn: { $optedOut } người
stats-laggards-registration-count = Chưa đăng ký: { $count } người
stats-laggards-report-count = Chưa báo cáo kỳ này: { $count } người
stats-laggards-registration = ⏳ Chưa đăng ký: { $names }
stats-laggards-report = ⏳ Chưa báo cáo kỳ này: { $names }
stats-nudge-button = 🔔 Nhắc { $count } người chưa thực hiện
stats-chart-registered = Đã đăng ký (% số người của đơn vị)
stats-chart-reached = Đạt chỉ tiêu (% chỉ tiêu đã cam kết)
stats-chart-caption = 📊 { $campaign }: tỷ lệ đăng ký và đạt chỉ tiêu theo đơn vị
stats-chart-omitted = Biểu đồ vẽ { $shown } đơn vị đầu tiên; { $omitted } đơn vị còn lại có trong số liệu ở trên.
stats-chart-failed = Chưa vẽ được biểu đồ lúc này; số liệu ở trên vẫn đầy đủ.
stats-chart-no-public-url = Biểu đồ chưa gửi được qua Zalo vì máy chủ chưa có địa chỉ công khai (PUBLIC_URL). { $You } xem biểu đồ trên Telegram hoặc báo quản trị viên.
stats-none = Trong phạm vi phụ trách của { $you } chưa có phong trào nào đã phát động để xem số liệu.
stats-unknown = Không tìm thấy phong trào có mã “{ $code }” trong phạm vi phụ trách của { $you }. Gửi lệnh không kèm mã để chọn từ danh sách.
stats-not-launched = Phong trào này chưa phát động nên chưa có số liệu.
stats-out-of-scope = Phong trào này không có đơn vị nào thuộc phạm vi phụ trách của { $you }.
stats-pick-list = <b>Xem số liệu phong trào</b>
stats-pick = Bấm nút hoặc gõ số thứ tự của phong trào cần xem số liệu.
## honours (vinh danh: the honour roll, src/flows/honours.ts, src/services/honours.ts)
cmd-honours = Vinh danh: ghi nhận và công bố người được khen thưởng
help-officer-honours = /honours [mã phong trào] — vinh danh sau tổng kết: chọn từ các bản đăng ký đã duyệt, gõ danh sách hoặc gửi tệp CSV/XLSX của quyết định; xem trước rồi công bố.
zalo-help-officer-honours = «vinh danh» (hoặc «vinh danh mã-phong-trào») — ghi nhận người được khen thưởng sau tổng kết rồi công bố tới đơn vị và chúc mừng từng người.
honours-flow-name = vinh danh
honours-cancelled = Đã hủy, danh sách vinh danh chưa được công bố.
honours-pick-campaign = Vinh danh cho phong trào nào?
honours-campaign-not-found = Không tìm thấy phong trào đã phát động có mã này trong phạm vi phụ trách của { $you }.
honours-no-campaigns = Chưa có phong trào đã phát động nào trong phạm vi phụ trách của { $you } để vinh danh.
honours-ask-mode = Vinh danh — { $campaign }. { $You } nhập danh sách người được khen thưởng theo cách nào?
honours-mode-pick = ☑ Chọn từ đăng ký đã duyệt
honours-mode-type = ✍ Gõ danh sách
honours-mode-file = 📎 Gửi tệp CSV/XLSX
honours-no-candidates = Chưa có bản đăng ký cá nhân nào được duyệt trong phạm vi của { $you }. { $You } hãy gõ danh sách hoặc gửi tệp.
honours-ask-pick = Chọn người được khen thưởng (đã chọn { $count }/{ $total }): bấm tên để chọn hoặc bỏ chọn, hoặc gõ các số (ví dụ «1 3 5-7»). Xong thì bấm «✔ Xong».
honours-pick-all-title = Chọn tất cả: { $title }
honours-pick-all = Chọn tất cả
honours-pick-done = ✔ Xong
honours-pick-wrong = Không có số { $numbers } trong danh sách. Vui lòng gõ số từ 1 đến { $max }.
honours-pick-none = { $You } chưa chọn ai. Bấm tên người được khen thưởng, hoặc gõ các số.
honours-ask-decision = Số và ngày của quyết định khen thưởng, ví dụ «123/QĐ-UBND ngày 15/12/2026» (ngày/tháng/năm). Chưa có quyết định thì chọn «Bỏ qua».
honours-decision-skip = ⏭ Bỏ qua
honours-ask-list =
    Gõ danh sách, mỗi người hoặc tập thể một dòng: họ và tên (hoặc mã thành viên, ví dụ #12), hoặc tên hay mã đơn vị; danh hiệu hoặc hình thức khen thưởng; số quyết định; ngày quyết định. Hai mục cuối không bắt buộc; ngăn cách bằng dấu «;», «|» hoặc dấu phẩy. Ví dụ:
    Nguyễn Văn An; Lao động tiên tiến; 123/QĐ-UBND; 15/12/2026
    Trần Thị Bình; Giấy khen; 124/QĐ-UBND ngày 15/12/2026
    Xã Đồng Khởi; Tập thể lao động tiên tiến; 125/QĐ-UBND; 15/12/2026
honours-ask-file = Gửi tệp danh sách kèm quyết định (CSV hoặc XLSX), các cột: họ và tên, mã thành viên, hoặc tên hay mã đơn vị (tập thể); danh hiệu; số quyết định; ngày quyết định. Dòng tiêu đề (nếu có) được bỏ qua.
honours-file-type = Tệp “{ $name }” không phải CSV hoặc XLSX. { $You } vui lòng gửi tệp .csv hoặc .xlsx.
honours-file-unreadable = Không đọc được tệp “{ $name }”. { $You } kiểm tra lại tệp (lưu dạng .xlsx hoặc .csv UTF-8) rồi gửi lại.
honours-list-empty = Danh sách chưa có ai. { $You } vui lòng gửi lại danh sách.
honours-list-errors = Danh sách có { $count } chỗ cần sửa, chưa ghi nhận gì. { $You } sửa rồi gửi lại cả danh sách:
honours-error-missing-title = thiếu danh hiệu sau tên “{ $value }”
honours-error-missing-name = thiếu họ và tên
honours-error-bad-date = “{ $value }” không phải ngày hợp lệ (ngày/tháng/năm, ví dụ 15/12/2026)
honours-error-too-many-fields = có { $value } mục, nhiều hơn 4 mục (tên; danh hiệu; số quyết định; ngày)
honours-error-too-many-rows = danh sách dài hơn { $value } người; { $you } chia thành nhiều lần
honours-preview-header = <b>🏆 Xem trước danh sách vinh danh — { $campaign }</b> ({ $who })
honours-line-no = [dòng { $line }]
honours-preview-line = • { $line }{ $name }{ $unit }: { $title }{ $decision }
honours-preview-free-text = Danh hiệu không có trong phong trào được ghi đúng như { $you } nhập.
honours-preview-left-out = ⚠ { $count } dòng sẽ không được công bố:
honours-problem-unmatched = không tìm thấy người này trong phạm vi phụ trách
honours-problem-ambiguous = có nhiều người trùng tên, hãy ghi mã thành viên (ví dụ #12)
honours-problem-duplicate = trùng với một dòng ở trên
honours-problem-already = đã được vinh danh danh hiệu này
honours-preview-published-before = ⚠ Phong trào này đã công bố { $count } khen thưởng (lần gần nhất ngày { $date }). Công bố lần nữa sẽ gửi thêm một thông báo tới toàn đơn vị.
honours-preview-confirm = Bấm «Công bố» để gửi thông báo vinh danh tới đơn vị và lời chúc mừng tới từng người.
honours-preview-nothing = Không có ai để công bố. { $You } chọn «Nhập lại».
honours-publish = 🏆 Công bố
honours-publish-again = 🏆 Công bố thêm lần nữa
honours-redo = ✏ Nhập lại
honours-published = Đã công bố vinh danh { $awards } người: thông báo gửi tới { $members } người nhận và { $groups } nhóm; { $congratulated } lời chúc mừng riêng.
honours-already-published = Phong trào này đã công bố { $count } khen thưởng. { $You } mở lại «vinh danh» để xác nhận công bố thêm.
honours-nothing-new = Những người trong danh sách đều đã được vinh danh trước đó, không có gì mới để công bố.
honours-decision-full = theo Quyết định số { $number } ngày { $date }
honours-decision-number = theo Quyết định số { $number }
honours-decision-date = theo quyết định ngày { $date }
honours-roll-header = <b>🏆 Vinh danh — { $campaign }</b>
    Tổng kết phong trào, { $count } người được khen thưởng:
honours-roll-line = • { $name }{ $unit }{ $decision }
honours-roll-more = … và { $count } trường hợp khác.
honours-roll-footer = Xin chúc mừng các { $you }! Đề nghị các đơn vị tiếp tục học tập, nhân rộng các điển hình tiên tiến.
honours-congrats =
    🎉 <b>Chúc mừng { $you } { $name }!</b>
    { $You } được vinh danh: <b>{ $title }</b>, phong trào “{ $campaign }”.{ $decision }
    Cảm ơn những đóng góp của { $you } cho phong trào.
my-awards-title = <b>🏆 Khen thưởng</b>
my-award-line = • { $title } — { $campaign }{ $decision }
## zalo-gaps: officers' and admins' words on Zalo, lists to pick from, Telegram-kept photos
pick-flow-name = chọn trong danh sách
zalo-files-via-telegram = Zalo không gửi được tệp cho bot. Tệp phong trào (YAML/JSON) xin gửi cho bot trên Telegram (/importcampaign); trên Zalo, { $you } gửi «tạo phong trào» để soạn từng bước.
zalo-camp-unknown = Không có phong trào mang mã “{ $code }”.
zalo-camp-pick-edit = Sửa bản nháp phong trào nào?
zalo-camp-none-edit = Không có bản nháp phong trào nào trong phạm vi của { $you } để sửa.
zalo-camp-pick-close = Kết thúc phong trào nào?
zalo-camp-none-close = Không có phong trào nào đang triển khai trong phạm vi của { $you } để kết thúc.
zalo-camp-pick-archive = Lưu trữ phong trào nào?
zalo-camp-none-archive = Không có phong trào nào để lưu trữ (phong trào đang triển khai phải được kết thúc trước).
zalo-camp-draft-words = Gửi: «phát động { $code }» để phát động · «sửa phong trào { $code }» để sửa tiếp · «lưu trữ phong trào { $code }» để lưu trữ.
zalo-review-choose = Chọn mốc để nộp báo cáo của đơn vị “{ $unit }”:
zalo-addunit-usage = Cách gửi: thêm đơn vị MÃ | Tên đơn vị | MÃ_CẤP_TRÊN (không bắt buộc) | MÃ_KHỐI (không bắt buộc) | open, invite hoặc approval (chế độ tham gia, không bắt buộc; mặc định invite). Ví dụ: thêm đơn vị XA_B | Xã Bình Thành | BENTRE
zalo-moveunit-usage = Cách gửi: chuyển đơn vị MÃ_ĐƠN_VỊ | họ tên. Ví dụ: chuyển đơn vị XA_A | Nguyễn Văn An
zalo-invite-code =
    Mã mời vào { $unit }: { $code }
    Người được mời gửi mã này cho bot trên Zalo (hoặc trên Telegram: /start u_{ $code }) là tham gia đơn vị.
zalo-evidence-telegram-failed = Không tải được tệp “{ $name }” từ Telegram lúc này: { $you } thử lại sau, hoặc mở bot trên Telegram và gửi /evidence { $id }.
zalo-help-officer-more = Quản lý phong trào: «sửa phong trào [mã]» · «thông báo [mã]» — gửi thông báo bổ sung · «kết thúc phong trào [mã]» · «lưu trữ phong trào [mã]» (không ghi mã: chọn trong danh sách) · «nhắc» — nhắc người chưa thực hiện · «nộp báo cáo» — báo cáo sơ kết/tổng kết của đơn vị · «minh chứng» — chọn báo cáo để xem minh chứng · «danh sách đơn vị» · «mã mời [mã đơn vị]» · «chuyển đơn vị MÃ | họ tên». Tệp phong trào: gửi trên Telegram.
zalo-help-admin-words = Quản trị viên gửi thêm: «thêm đơn vị MÃ | Tên | MÃ_CẤP_TRÊN» · «cấp quyền [họ tên]» / «thu hồi quyền [họ tên]» — quyền cán bộ · «nhật ký» — nhật ký thao tác gần đây.
## export (issue 11: /export, the tổng kết workbook)
cmd-export = Xuất Excel số liệu phong trào
export-flow-name = xuất Excel
export-pick = { $You } muốn xuất số liệu của phong trào nào?
export-none = Chưa có phong trào nào đã phát động trong phạm vi { $you } phụ trách để xuất số liệu.
export-not-found = Không tìm thấy phong trào có mã này.
export-not-launched = Phong trào này chưa phát động nên chưa có số liệu để xuất.
export-out-of-scope = Phong trào này không thuộc phạm vi { $you } phụ trách. Yêu cầu đã được ghi vào nhật ký.
export-queued = ⏳ Đang lập tệp Excel “{ $title }”… Tệp sẽ được gửi đến { $you } ngay khi xong.
export-ready = 📊 Tệp Excel số liệu “{ $title }”: các trang Tổng hợp, Đăng ký, Báo cáo ({ $reports } dòng), Chưa thực hiện, Báo cáo đơn vị, Khen thưởng.
export-failed = ⚠️ Chưa lập được tệp Excel. { $You } thử lại sau ít phút; nếu vẫn lỗi, báo quản trị viên.
export-refused = { $You } không còn quyền xuất số liệu nên tệp Excel không được lập. Yêu cầu đã được ghi vào nhật ký.
export-link = Tải tệp (liên kết có hiệu lực 24 giờ): { $url }
export-no-link = Zalo chưa gửi được tệp: quản trị viên cần đặt PUBLIC_URL cho bot. { $You } có thể nhận tệp trên Telegram (/export).
export-too-large = Tệp lớn hơn 50 MB nên Telegram không nhận: quản trị viên cần đặt PUBLIC_URL để gửi liên kết tải.
export-sheet-summary = Tổng hợp
export-sheet-registrations = Đăng ký
export-sheet-reports = Báo cáo
export-sheet-laggards = Chưa thực hiện
export-sheet-reviews = Báo cáo đơn vị
export-col-unit = Đơn vị
export-col-unit-code = Mã đơn vị
export-col-members = Số thành viên
export-col-registered = Đã đăng ký
export-col-registered-share = Tỷ lệ đăng ký
export-col-approved = Đã duyệt
export-col-reports = Số báo cáo
export-col-evidence = Số minh chứng
export-col-registration = Mã đăng ký
export-col-name = Họ và tên
export-col-scope = Cá nhân/Tập thể
export-col-title = Danh hiệu đăng ký
export-col-status = Trạng thái
export-col-registered-at = Ngày đăng ký
export-col-decided-at = Ngày duyệt
export-col-report = Mã báo cáo
export-col-reported-at = Thời gian báo cáo
export-col-period = Kỳ báo cáo
export-col-period-due = Hạn kỳ báo cáo
export-col-line = Nội dung thi đua
export-col-measure = Đơn vị tính
export-col-value = Kết quả
export-col-note = Ghi chú
export-col-milestone = Mốc
export-col-due = Hạn
export-col-submitted-by = Người nộp
export-col-submitted-at = Ngày nộp
export-col-figures = Số liệu chính
export-col-files = Số tệp đính kèm
export-scope-INDIVIDUAL = Cá nhân
export-scope-COLLECTIVE = Tập thể
export-status-SUBMITTED = Chờ duyệt
export-status-RETURNED = Trả lại
export-status-APPROVED = Đã duyệt
export-status-REJECTED = Không duyệt
export-status-WITHDRAWN = Đã rút
export-yes = Có
export-no = Không
export-col-by-title = ĐK { $title }
export-col-collective = Đăng ký tập thể
export-col-period-reports = Báo cáo trong kỳ
export-col-period-reporters = Số người báo cáo trong kỳ
export-col-line-reported = { $line }: đã thực hiện
export-col-line-target = { $line }: chỉ tiêu
export-col-line-reached = { $line }: số người đạt
export-col-targets-reached = Tỷ lệ chỉ tiêu đạt
export-col-unreachable = Không liên lạc được
export-col-opted-out = Tắt nhắc hạn
export-col-laggards = Chưa thực hiện
export-total = Tổng cộng
## Đính chính / gia hạn phong trào đã phát động (issue 12, mục 3)
cmd-amend = Đính chính / gia hạn phong trào
amend-button = ✏️ Đính chính / gia hạn
amend-flow-name = Đính chính / gia hạn phong trào
amend-none = { $You } chưa phụ trách phong trào nào đang triển khai để đính chính hay gia hạn.
amend-pick = Đính chính hoặc gia hạn phong trào nào?
amend-open-not_found = Không tìm thấy phong trào có mã này. { $You } kiểm tra lại mã trong /campaigns.
amend-open-not_launched = Chỉ đính chính, gia hạn được phong trào đang triển khai. Bản nháp thì sửa trực tiếp trong /campaigns.
amend-open-out_of_scope = Phong trào này không thuộc phạm vi { $you } phụ trách nên { $you } không đính chính, gia hạn được.
amend-open-forbidden = Chỉ cán bộ phụ trách phong trào hoặc quản trị viên mới đính chính, gia hạn được phong trào.
amend-ask-what =
    { $You } muốn điều chỉnh gì ở phong trào <b>{ $title }</b>?
    (Không rút ngắn hạn và không xóa nội dung đã phát động: những việc đó cần quyết định mới của cấp phát động.)
amend-ask-what-extend =
    Gia hạn gì ở phong trào <b>{ $title }</b>?
    (Chỉ lùi hạn về sau; không rút ngắn hạn đã thông báo.)
amend-kind-deadline = Gia hạn một mốc (hạn đăng ký, hạn báo cáo…)
amend-kind-end = Kéo dài thời gian thực hiện phong trào
amend-kind-title = Sửa tên phong trào
amend-kind-slogan = Sửa khẩu hiệu
amend-kind-description = Sửa phần giới thiệu
amend-kind-line = Sửa câu chữ một nội dung thi đua
amend-kind-add-line = Bổ sung một nội dung thi đua
amend-no-targets-deadline = Phong trào này không có mốc thời gian nào để gia hạn.
amend-no-targets-line = Phong trào này chưa có nội dung thi đua nào để sửa.
amend-ask-target-deadline = Gia hạn mốc nào?
amend-ask-target-line = Sửa câu chữ của nội dung nào?
amend-ask-deadline =
    Hạn hiện tại: <b>{ $current }</b>.
    { $You } gõ hạn mới, muộn hơn hạn hiện tại (ví dụ 30/06/2026 hoặc 17:00 30/06/2026; chỉ gõ ngày thì giữ nguyên giờ).
amend-ask-end =
    Phong trào hiện kết thúc ngày <b>{ $current }</b>.
    { $You } gõ ngày kết thúc mới, muộn hơn ngày hiện tại (ngày/tháng/năm, ví dụ 31/12/2026).
amend-ask-title =
    Tên hiện tại: { $current }
    { $You } gõ tên đúng của phong trào.
amend-ask-slogan =
    Khẩu hiệu hiện tại: { $current }
    { $You } gõ khẩu hiệu đúng.
amend-ask-description =
    Phần giới thiệu hiện tại:
    { $current }

    { $You } gõ lại toàn bộ phần giới thiệu đã sửa.
amend-ask-line =
    Nội dung hiện tại: { $current }
    { $You } gõ lại câu chữ đúng (cách đo và chỉ tiêu đã đăng ký giữ nguyên).
amend-ask-add-line = { $You } gõ nội dung thi đua cần bổ sung (một dòng).
amend-refused-shortens = Không rút ngắn được hạn đã thông báo: người nhận đang thực hiện theo hạn cũ và có thể bị trễ hạn mà không biết. Việc rút ngắn hạn cần quyết định mới của cấp phát động và được thông báo riêng (/announce). { $You } gõ một ngày muộn hơn, hoặc gửi /cancel.
amend-refused-due_in_past = Thời điểm này đã qua. { $You } gõ một hạn trong tương lai.
amend-refused-after_end = Hạn mới nằm sau ngày kết thúc phong trào. { $You } chọn «Kéo dài thời gian thực hiện phong trào» trước, rồi gia hạn mốc này.
amend-refused-unchanged = Giá trị này giống hệt hiện tại, không có gì để đính chính. { $You } gõ giá trị mới, hoặc gửi /cancel.
amend-refused-text_invalid = Nội dung trống hoặc quá dài. { $You } gõ lại.
amend-refused-not_found = Mốc hoặc nội dung này không còn trong phong trào. { $You } gửi /cancel rồi bắt đầu lại.
amend-refused-not_launched = Phong trào không còn đang triển khai nên không đính chính, gia hạn được nữa.
amend-refused-out_of_scope = Phong trào này không thuộc phạm vi { $you } phụ trách nên không đính chính, gia hạn được.
amend-refused-forbidden = Chỉ cán bộ phụ trách phong trào hoặc quản trị viên mới đính chính, gia hạn được phong trào.
amend-preview-intro = Xem trước thông báo người nhận sẽ đọc:
amend-confirm = Sẽ gửi tới <b>{ $members }</b> người đã nhận thông báo phát động và <b>{ $groups }</b> nhóm. Người chưa nhận sẽ được gửi thông báo phát động đã sửa. Xác nhận?
amend-confirm-reminders = Lời nhắc hạn sẽ được lập lại theo hạn mới; lời nhắc theo hạn cũ chưa gửi sẽ bị hủy.
amend-confirm-add-line = Người đăng ký từ nay sẽ đặt chỉ tiêu cho cả nội dung này; người đã đăng ký có thể đăng ký lại để bổ sung.
amend-choice-send = ✔ Lưu và gửi thông báo
amend-choice-cancel = ✖ Hủy
amend-cancelled = Đã hủy, phong trào giữ nguyên, không gửi thông báo nào.
amend-done-extend = ✅ Đã gia hạn. Thông báo gia hạn đang được gửi tới { $members } người nhận và { $groups } nhóm; lời nhắc hạn đã được lập lại theo hạn mới.
amend-done-correct = ✅ Đã đính chính. Thông báo đang được gửi tới { $members } người nhận và { $groups } nhóm.
amend-notice-head-extend = 📅 <b>GIA HẠN</b> — phong trào “{ $title }”
amend-notice-head-correct = ✏️ <b>ĐÍNH CHÍNH</b> — phong trào “{ $title }”
amend-notice-head-add = 📌 <b>BỔ SUNG NỘI DUNG</b> — phong trào “{ $title }”
amend-deadline-REGISTRATION = Hạn đăng ký thi đua
amend-deadline-PROGRESS_REPORT = Hạn báo cáo tiến độ
amend-deadline-MIDTERM_REVIEW = Hạn gửi báo cáo sơ kết
amend-deadline-FINAL_REVIEW = Hạn gửi báo cáo tổng kết
amend-deadline-CUSTOM = Mốc thời gian
amend-notice-deadline = { $what } được lùi đến <b>{ $to }</b> (trước đây: { $from }).
amend-notice-end = Thời gian thực hiện phong trào được kéo dài đến hết ngày <b>{ $to }</b> (trước đây: { $from }).
amend-field-title = Tên phong trào
amend-field-slogan = Khẩu hiệu
amend-field-line = Nội dung thi đua
amend-notice-text = { $field } được sửa lại là: “{ $to }” (trước đây ghi: “{ $from }”).
amend-notice-text-new = { $field } được bổ sung: “{ $to }”.
amend-notice-description = Phần giới thiệu phong trào được sửa lại như sau:
amend-notice-add = Bổ sung nội dung thi đua: “{ $line }”.
amend-notice-add-how = { $You } đã đăng ký có thể đăng ký lại để đặt chỉ tiêu cho nội dung này; các chỉ tiêu đã đăng ký được giữ nguyên.
amend-notice-rest = Các nội dung khác của phong trào giữ nguyên.
zalo-help-amend-words = Phong trào đã phát động: «gia hạn mã-phong-trào» — lùi một hạn hoặc ngày kết thúc · «đính chính mã-phong-trào» — sửa tên, khẩu hiệu, câu chữ một nội dung, hoặc bổ sung nội dung.
## Wording review (issue 12: ../shared/WORDING.md)
# Whom to contact, as one phrase inside reg-closed.
reg-closed-officer = cán bộ phụ trách thi đua <b>{ $name }</b>
units-group-line = • { $name } ({ $kind ->
        [BLOCK] khối
       *[other] cụm
    } thi đua) <code>{ $code }</code>: { $count } đơn vị
## Joining policy per unit (issue 12 #8)
join-policy-OPEN = 🔓 ai cũng tự chọn được
join-policy-INVITE_ONLY = 🔑 chỉ vào bằng mã mời
join-policy-APPROVAL = ✋ cán bộ duyệt người tham gia
unit-invite-only = Đơn vị “{ $unit }” chỉ nhận người có mã mời. { $You } đề nghị cán bộ phụ trách thi đua của đơn vị cung cấp mã mời hoặc đường dẫn mời, hoặc chọn đơn vị khác.
join-request-sent = 📨 Đơn vị “{ $unit }” cần cán bộ phụ trách thi đua duyệt người tham gia. Yêu cầu tham gia của { $you } đã được gửi; { $you } sẽ nhận được thông báo khi yêu cầu được xem xét.
join-request-replaced = 📨 Đã gửi yêu cầu tham gia đơn vị “{ $unit }” tới cán bộ phụ trách thi đua; yêu cầu trước đó (đơn vị “{ $previous }”) đã được hủy. { $You } sẽ nhận được thông báo khi yêu cầu được xem xét.
join-request-pending = ⏳ Yêu cầu tham gia đơn vị “{ $unit }” của { $you } đang chờ cán bộ duyệt. Nếu chọn đơn vị khác, yêu cầu mới sẽ thay cho yêu cầu này.
join-no-name = (chưa ghi họ tên)
out-join-request =
    🙋 Yêu cầu tham gia đơn vị #{ $id }
    { $name } đề nghị tham gia đơn vị “{ $unit }” ({ $via ->
        [INVITE] bằng mã mời
       *[other] tự chọn trong danh sách đơn vị
    }).
    Đề nghị { $you } duyệt hoặc từ chối yêu cầu.
join-approve-button = ✔ Duyệt #{ $id }
join-decline-button = ✖ Từ chối #{ $id }
out-join-approved = ✅ Yêu cầu tham gia của { $you } đã được duyệt: từ nay { $you } là thành viên của đơn vị “{ $unit }”.
out-join-declined =
    { $hasReason ->
        [yes] Yêu cầu tham gia đơn vị “{ $unit }” của { $you } không được duyệt. Lý do: { $reason }
       *[other] Yêu cầu tham gia đơn vị “{ $unit }” của { $you } không được duyệt.
    }
    { $You } có thể liên hệ cán bộ phụ trách thi đua của đơn vị, hoặc gửi /start để chọn đơn vị khác.
join-approved = ✅ Đã duyệt: { $name } tham gia đơn vị “{ $unit }”. Người gửi yêu cầu đã được thông báo.
join-declined = Đã từ chối yêu cầu tham gia đơn vị “{ $unit }” của { $name }. Người gửi yêu cầu đã được thông báo.
join-request-gone = Yêu cầu này không còn chờ duyệt (đã được quyết định, hoặc người gửi đã chọn đơn vị khác).
join-decline-flow-name = từ chối yêu cầu tham gia
join-decline-ask = Lý do từ chối yêu cầu tham gia #{ $id }? Người gửi yêu cầu sẽ đọc được lý do. Gõ lý do, hoặc chọn «Không nêu lý do».
join-decline-hint = Vui lòng gõ lý do bằng chữ, hoặc chọn «Không nêu lý do».
join-decline-no-reason = Không nêu lý do
joins-title = <b>Yêu cầu tham gia chờ duyệt</b> ({ $count }/{ $total })
joins-line = #{ $id } { $name } → “{ $unit }” ({ $via ->
        [INVITE] bằng mã mời
       *[other] tự chọn
    }) — { $at }
joins-empty = Không có yêu cầu tham gia nào đang chờ duyệt trong phạm vi của { $you }.
zalo-join-decide = Gửi: { $approve } · { $decline }
out-cmd-approve-join = duyệt tham gia { $id }
out-cmd-decline-join = từ chối tham gia { $id }
joinpolicy-usage =
    Cách dùng: /joinpolicy MÃ_ĐƠN_VỊ open | invite | approval
    • open — ai cũng tự chọn được đơn vị trong danh sách
    • invite — chỉ vào bằng mã mời hoặc đường dẫn mời (/invite)
    • approval — người tự chọn hoặc dùng mã mời phải chờ cán bộ phụ trách thi đua duyệt
joinpolicy-done = Đã đặt chế độ tham gia của đơn vị “{ $unit }”: { $policy } ({ $word }).
addunit-join = Chế độ tham gia: { $policy }. Đổi bằng /joinpolicy { $code } open | invite | approval.
cmd-joins = Yêu cầu tham gia chờ duyệt
cmd-joinpolicy = Chế độ tham gia của đơn vị
help-officer-joins =
    /joins — duyệt, từ chối yêu cầu tham gia đơn vị
    /joinpolicy MÃ open | invite | approval — ai được tự tham gia đơn vị: tự chọn, chỉ bằng mã mời, hay phải được duyệt
    /addressform MÃ Đồng chí | Anh/Chị — bot xưng hô với người của đơn vị (và các đơn vị trực thuộc chưa tự chọn) là “Đồng chí” hay “Anh/Chị”
zalo-help-join-words = Tham gia đơn vị: «yêu cầu tham gia» — danh sách chờ duyệt · «duyệt tham gia số» / «từ chối tham gia số» · «chế độ tham gia MÃ mở | mã mời | duyệt» · «xưng hô MÃ đồng chí | anh/chị».
units-error-join_invalid = chế độ tham gia “{ $value }” không hợp lệ (dùng open, invite hoặc approval)

## Xưng hô (issue 12 #19)
cmd-addressform = Cách xưng hô với người của đơn vị
addressform-usage =
    Cách dùng: /addressform MÃ_ĐƠN_VỊ Đồng chí | Anh/Chị (trên Zalo: «xưng hô MÃ_ĐƠN_VỊ anh/chị»).
    Bot gọi người của đơn vị, và của các đơn vị trực thuộc chưa tự chọn, theo cách này. Mặc định: “Đồng chí”.
addressform-done = Từ nay bot xưng hô với người của đơn vị “{ $unit }” là “{ $form }”. Ví dụ: “Cảm ơn { $you } Nguyễn Thị Lan”. Việc này đã được ghi vào nhật ký.
## officer-daily: nudge preview, announcement attachments, audit sentences (issue 12 #11–13)
nudge-flow-name = nhắc người chưa thực hiện
nudge-preview-head = 🔔 <b>Xem trước lời nhắc</b> — { $what } (phong trào «{ $title }», hạn { $due }).
    Sẽ nhắc { $count } người chưa thực hiện ở { $units } đơn vị:
nudge-preview-unit = <b>{ $unit }</b> ({ $count } người)
nudge-preview-confirm = Gửi lời nhắc tới { $count } người ở { $units } đơn vị? Lời nhắc chỉ được gửi sau khi { $you } xác nhận.
nudge-btn-confirm = 🔔 Gửi nhắc ({ $count } người)
audit-t-campaign = phong trào “{ $title }”
audit-t-registration = đăng ký của { $name } (phong trào “{ $title }”)
audit-t-report = báo cáo của { $name } (phong trào “{ $title }”)
audit-t-milestone = { $what } — phong trào “{ $title }”
audit-actor-system = Hệ thống
audit-actor-telegram = Người dùng Telegram { $id }
audit-actor-zalo = Người dùng Zalo { $id }
audit-actor-unknown = Không rõ người thực hiện
audit-refused = { $sentence } bị từ chối: { $reason }
audit-reason-forbidden = không có quyền
audit-reason-out_of_scope = ngoài phạm vi đơn vị phụ trách
audit-reason-no_unit = cán bộ chưa gắn với đơn vị
audit-reason-not_found = không tìm thấy
audit-reason-not_launched = phong trào không còn đang diễn ra
audit-reason-not_officer = người này không phải cán bộ
audit-reason-not_draft = phong trào không còn là bản nháp
audit-reason-not_in_audience = ngoài đối tượng của phong trào
audit-reason-not_yours = không thuộc quyền của người này
audit-reason-code_taken = mã đã được dùng
audit-reason-other = không đủ điều kiện
audit-do-other = { $actor } thực hiện thao tác «{ $action }»{ $hasTarget ->
        [yes] {" "}với { $target }
       *[no] {""}
    }
audit-do-audit-view = { $actor } xem nhật ký
audit-do-broadcast-stop = { $actor } dừng một đợt gửi tin
audit-do-campaign-announce = { $actor } gửi thông báo bổ sung của { $target }
audit-do-campaign-archive = { $actor } lưu trữ { $target }
audit-do-campaign-close = { $actor } kết thúc { $target }
audit-do-campaign-create = { $actor } tạo bản nháp { $target }
audit-do-campaign-edit = { $actor } sửa { $target }
audit-do-campaign-import = { $actor } nhập { $target } từ tệp
audit-do-campaign-launch = { $actor } phát động { $target }
audit-do-campaign-view = { $actor } mở { $target }
audit-do-group-create = { $actor } tạo khối/cụm thi đua { $target }
audit-do-group-link = { $actor } liên kết nhóm chat { $target } với đơn vị
audit-do-group-relink = { $actor } liên kết lại nhóm chat { $target }
audit-do-group-keep = { $actor } giữ liên kết nhóm chat { $target }
audit-do-member-link = { $actor } liên kết tài khoản Telegram và Zalo
audit-do-member-link-code = { $actor } tạo mã liên kết tài khoản
audit-do-member-move = { $actor } chuyển đơn vị cho { $target }
audit-do-member-unit-change = { $actor } đổi đơn vị của mình
audit-do-registration-approve = { $actor } duyệt { $target }
audit-do-registration-list = { $actor } xem danh sách đăng ký thi đua
audit-do-registration-return = { $actor } trả lại { $target }
audit-do-reminders-nudge = { $actor } nhắc những người chưa thực hiện { $target }
audit-do-report-evidence = { $actor } xem minh chứng của { $target }
audit-do-review-open = { $actor } mở báo cáo sơ kết, tổng kết của đơn vị
audit-do-review-status = { $actor } xem tình hình nộp { $target }
audit-do-review-submit = { $actor } gửi { $target }
audit-do-role-demote = Hệ thống thu hồi quyền quản trị của { $target } (không còn trong ADMIN_IDS)
audit-do-role-grant = { $actor } cấp quyền cán bộ cho { $target }
audit-do-role-revoke = { $actor } thu hồi quyền cán bộ của { $target }
audit-do-unit-create = { $actor } thêm đơn vị { $target }
audit-do-unit-import = { $actor } nhập danh sách đơn vị từ tệp
audit-do-unit-invite = { $actor } tạo liên kết mời vào { $target }
audit-do-units-view = { $actor } xem cây đơn vị
audit-do-join-list = { $actor } xem các yêu cầu gia nhập
audit-do-member-join-approve = { $actor } duyệt một yêu cầu gia nhập
audit-do-member-join-decline = { $actor } từ chối một yêu cầu gia nhập
audit-do-member-join-request = { $actor } xin gia nhập { $target }
audit-do-unit-join_policy = { $actor } đổi cách gia nhập của { $target }
audit-do-campaign-amend = { $actor } đính chính, gia hạn { $target }
audit-do-export-request = { $actor } yêu cầu xuất tệp Excel{ $hasTarget ->
        [yes] {" "}của { $target }
       *[no] {""}
    }
audit-do-export-xlsx = { $actor } nhận tệp Excel{ $hasTarget ->
        [yes] {" "}của { $target }
       *[no] {""}
    }
audit-do-honours-publish = { $actor } công bố danh sách khen thưởng{ $hasTarget ->
        [yes] {" "}của { $target }
       *[no] {""}
    }
audit-do-honours-record = { $actor } ghi nhận khen thưởng{ $hasTarget ->
        [yes] {" "}cho { $target }
       *[no] {""}
    }
audit-do-stats-export = { $actor } lập tệp Excel số liệu{ $hasTarget ->
        [yes] {" "}của { $target }
       *[no] {""}
    }
audit-do-stats-view = { $actor } xem số liệu thi đua{ $hasTarget ->
        [yes] {" "}của { $target }
       *[no] {""}
    }
camp-announce-ask-file = Gửi kèm tệp hoặc ảnh (ví dụ Kế hoạch đã ký, tệp PDF)? { $You } gửi tệp PDF, DOCX, XLSX hoặc ảnh JPG, PNG (tối đa { $max }), hoặc bấm «Bỏ qua».
camp-announce-skip-file = Bỏ qua
camp-announce-file-hint = Bước này nhận một tệp hoặc ảnh để gửi kèm. Gửi tệp, hoặc gõ «bỏ qua» để gửi thông báo không kèm tệp.
camp-announce-file-unread = Không tải được tệp này. Gửi lại tệp, hoặc gõ «bỏ qua».
camp-announce-photo-word = ảnh
camp-announce-document-word = tệp
camp-announce-attached = { $kind ->
        [photo] 🖼 Kèm ảnh: { $name }
       *[document] 📎 Kèm tệp: { $name }
    }
zalo-attachment-download = 📎 Tệp đính kèm «{ $name }»: { $url }
    (Liên kết tải về có hiệu lực 24 giờ.)
zalo-attachment-unavailable = 📎 Thông báo có tệp đính kèm «{ $name }», xem trên Telegram hoặc liên hệ cán bộ phụ trách thi đua.

## Texts that point at buttons, for a channel without them (src/messages/templates.ts WITHOUT_BUTTONS)
camp-announcement-call-text = Đề nghị { $you } đăng ký danh hiệu và chỉ tiêu thi đua: gửi lệnh ghi ở cuối thông báo này.
reminder-footer-text = { $You } gửi lệnh ghi bên dưới để thực hiện ngay. Tắt nhắc hạn: gửi «cài đặt».

## A person waiting for their join request (src/channels/telegram/helpers.ts replyNotJoined, Zalo notJoined)
join-pending-wait = { $You } đã gửi yêu cầu tham gia đơn vị <b>{ $unit }</b>; yêu cầu đang chờ cán bộ phụ trách thi đua duyệt. { $You } sẽ nhận được tin báo ngay khi có kết quả.

## The /stats chart as an album (src/insight/stats-chart.ts chartPagesOf)
stats-chart-page = trang { $page }/{ $pages }

## Honour roll for collectives (tập thể): src/services/honours.ts, src/messages/templates.ts
honours-roll-group-of = <b>{ $title }</b> ({ $who })
honours-count-people = { $count } người
honours-count-units = { $count } đơn vị
honours-roll-line-unit = • 🏢 { $name }{ $decision }
honours-congrats-unit =
    🎉 <b>Chúc mừng đơn vị { $name }!</b>
    Đơn vị được vinh danh: <b>{ $title }</b>, phong trào “{ $campaign }”.{ $decision }
    Đề nghị { $you } chuyển lời chúc mừng tới toàn thể đơn vị.
my-award-unit-line = • 🏢 { $unit }: { $title } — { $campaign }{ $decision }
honours-published-units = Đã công bố vinh danh { $people ->
        [0] {""}
       *[other] { $people } người và{" "}
    }{ $units } tập thể: thông báo gửi tới { $members } người nhận và { $groups } nhóm; { $congratulated } lời chúc mừng riêng.

## Text-only channel wordings (src/messages/text-wording.ts): nothing to press, only photos arrive
reg-ask-line-NUMBER-text = Nội dung thi đua { $n }/{ $total }: <b>{ $line }</b>
    { $You } cam kết đạt bao nhiêu{ $unit }? Gõ số (ví dụ 3 hoặc 12,5). Gửi «bỏ qua» để bỏ nội dung này, «xong» để kết thúc phần cam kết.
reg-ask-line-YES_NO-text = Nội dung thi đua { $n }/{ $total }: <b>{ $line }</b>
    { $You } có cam kết thực hiện không? Gửi «có» hoặc «không»; «bỏ qua» để bỏ nội dung này, «xong» để kết thúc phần cam kết.
reg-ask-line-TEXT-text = Nội dung thi đua { $n }/{ $total }: <b>{ $line }</b>
    { $You } gõ cam kết ngắn gọn. Gửi «bỏ qua» để bỏ nội dung này, «xong» để kết thúc phần cam kết.
reg-hint-line-NUMBER-text = Vui lòng gõ số (ví dụ 3 hoặc 12,5), hoặc gửi «bỏ qua» / «xong».
reg-hint-line-YES_NO-text = Vui lòng gửi «có» hoặc «không», hoặc «bỏ qua» / «xong».
reg-hint-line-TEXT-text = Vui lòng gõ nội dung bằng chữ, hoặc gửi «bỏ qua» / «xong».
rep-ask-note-text = Ghi chú thêm (nếu có)? Gõ ghi chú, hoặc gửi «bỏ qua».
rep-hint-note-text = Vui lòng gõ ghi chú bằng chữ, hoặc gửi «bỏ qua».
rep-ask-evidence-text = Gửi ảnh minh chứng (không bắt buộc; không có thì gửi «xong»), mỗi ảnh tối đa { $max }. Gửi xong thì gửi «xong».
rep-evidence-more-text = Đã nhận { $count } ảnh minh chứng. Gửi thêm ảnh, hoặc gửi «xong».
rep-hint-evidence-text = Vui lòng gửi ảnh, hoặc gửi «xong».
cv-yes-no-invalid-text = Vui lòng gửi «có» hoặc «không».
cv-number-which-text = { $You } gõ “{ $typed }”: ý { $you } là <b>{ $thousands }</b> hay <b>{ $decimal }</b>?
    { $You } gửi số thứ tự của lựa chọn, hoặc gõ lại số không dùng dấu phân cách hàng nghìn (ví dụ 500000).
cv-number-which-hint-text = { $You } gửi 1 hoặc 2 để chọn một trong hai cách đọc ở trên, hoặc gõ lại số không dùng dấu phân cách hàng nghìn (ví dụ 500000 hoặc 500).
rep-evidence-type-text = Ảnh này không đúng định dạng. Chỉ nhận ảnh JPG hoặc PNG.

## Officers' questions on a text-only channel (src/messages/text-wording.ts)
wiz-ask-slogan-text = Khẩu hiệu của phong trào? (gửi «bỏ qua» nếu không có)
wiz-ask-titles-text = Phong trào xét những danh hiệu, hình thức khen thưởng nào? Gõ số để chọn/bỏ (ví dụ «1 2 9»), xong gửi «xong».
wiz-titles-help-text = Gõ số thứ tự (ví dụ «1 2»), rồi «xong».
wiz-titles-selected-text = Đã chọn { $count }. Tiếp tục chọn, hoặc gửi «xong».
wiz-measure-help-text = Vui lòng gửi số thứ tự của lựa chọn.
wiz-ask-unit-text = Đơn vị tính (ví dụ: người, km, sáng kiến)? Gửi «bỏ qua» nếu không cần.
wiz-ask-remind-text = Nhắc trước hạn bao lâu? Gõ ví dụ «7 ngày, 2 ngày, 4 giờ», «7d 2d 4h» hoặc «1 tuần»; «0» để không nhắc, hoặc gửi «mặc định».
wiz-ask-more-milestones-text = Thêm mốc nào nữa? Gửi «xong» nếu đủ.
wiz-ask-audience-units-text = Chọn các đơn vị tham gia (gõ số để chọn/bỏ), xong gửi «xong».
wiz-save-help-text = Gửi «lưu» để lưu dự thảo, «quay lại» hoặc «hủy».
wiz-previous-text = Đã nhập: “{ $value }”. Gửi «giữ» để giữ nguyên, hoặc gõ giá trị mới.
wiz-ask-code-text = Mã phong trào (dùng trong lệnh đăng ký): <code>{ $code }</code>. Gửi số thứ tự để dùng mã này, hoặc gõ mã khác (chữ thường không dấu, số, dấu gạch ngang).
wiz-ask-issuer-text = Cơ quan phát động? (ví dụ «UBND tỉnh Hậu Giang»; gửi số thứ tự để chọn đơn vị bên dưới, hoặc «bỏ qua»)
wiz-ask-description-text = Mô tả ngắn mục đích, yêu cầu của phong trào? (gửi «bỏ qua» nếu không cần)
wiz-ask-ms-name-text = Tên mốc “{ $kind }” (ví dụ «Sơ kết 6 tháng»)? Gửi «bỏ qua» để dùng tên chung.
wiz-ask-until-text = Lặp { $repeat } đến ngày nào (ngày/tháng/năm)? Gửi «đến hết phong trào» để lặp đến { $ends }.
wiz-ask-target-text = Chỉ tiêu của “{ $title }” là bao nhiêu{ $unit ->
    [none] {""}
   *[other] {" "}({ $unit })
}? Gõ số, hoặc gửi «bỏ qua» nếu không giao chỉ tiêu.
camp-edit-ask-titles-text = Gõ số để chọn/bỏ danh hiệu, hình thức khen thưởng, xong gửi «xong». Đang chọn { $count }.
camp-edit-ask-m-until-text = Lặp { $repeat } đến ngày nào (ngày/tháng/năm)? Gửi «đến hết phong trào» để lặp đến { $ends }.
camp-edit-remove-help-text = Gửi «xóa» để xóa, hoặc «quay lại».
honours-ask-pick-text = Chọn người được khen thưởng (đã chọn { $count }/{ $total }): gõ số để chọn hoặc bỏ chọn (ví dụ «1 3 5-7»). Xong thì gửi «xong».
honours-pick-none-text = { $You } chưa chọn ai. Gõ số thứ tự của người được khen thưởng.
honours-preview-confirm-text = Gửi số thứ tự của «Công bố» để gửi thông báo vinh danh tới đơn vị và lời chúc mừng tới từng người.
camp-announce-ask-file-text = Gửi kèm ảnh (ví dụ ảnh Kế hoạch đã ký)? { $You } gửi ảnh JPG, PNG (tối đa { $max }), hoặc gửi «bỏ qua». Tệp PDF, DOCX, XLSX chỉ gửi được qua Telegram.
stats-pick-text = Gửi số thứ tự của phong trào cần xem số liệu.
camp-member-pick-text = Gửi số thứ tự để xem chi tiết.

## /export: the honour roll sheet (src/services/exports.ts awardSheet)
export-sheet-awards = Khen thưởng
export-col-honoured = Cá nhân, tập thể được khen thưởng
export-col-honour = Danh hiệu, hình thức khen thưởng
export-col-decision-number = Số quyết định
export-col-decision-date = Ngày quyết định
export-col-published-at = Công bố lúc
