# ThiĐua Bot — Tiếng Việt (ngôn ngữ mặc định).
# Mọi câu chữ người dùng thấy đều nằm ở đây và trong en.ftl; test/unit/locales.test.ts giữ hai tệp khớp nhau.

## Chung
language-name = Tiếng Việt
error-generic = Xin lỗi, đã có lỗi khi xử lý yêu cầu. Đồng chí vui lòng thử lại sau ít phút.
button-expired = Nút này đã hết hạn. Đồng chí vui lòng dùng tin nhắn mới nhất.
button-back = ‹ Quay lại
button-cancel = ✖ Hủy
cancelled = Đã hủy. Đồng chí có thể chọn việc khác trong menu.
nothing-to-cancel = Không có thao tác nào đang dở.
coming-soon = Chức năng «{ $feature }» sắp có. Ban quản trị sẽ thông báo khi sẵn sàng.
not-joined = Đồng chí chưa chọn đơn vị. Gửi /start để bắt đầu.
private-only = Lệnh này chỉ dùng trong trò chuyện riêng với bot.
text-too-long = Nội dung quá dài (tối đa { $max } ký tự). Đồng chí vui lòng rút gọn rồi gửi lại.

## Menu chính
menu-campaigns = 📋 Phong trào
menu-register = 📝 Đăng ký
menu-report = 📊 Báo cáo
menu-my = 👤 Của tôi
menu-help = ❓ Trợ giúp
menu-shown = Đồng chí chọn việc cần làm trong menu bên dưới.
unhandled-text = Tôi chưa hiểu yêu cầu này. Đồng chí chọn việc trong menu bên dưới hoặc gửi /help để xem các lệnh.

## Bắt đầu / tham gia đơn vị
start-welcome =
    Xin chào { $name }! 👋
    ThiĐua Bot giúp đồng chí theo dõi các phong trào thi đua của đơn vị: đăng ký thi đua, báo cáo tiến độ và nhận nhắc hạn ngay trong Telegram.
start-welcome-back = Chào mừng { $name } quay lại! Đơn vị: { $unit }.
start-choose-unit = Đồng chí thuộc đơn vị nào? Chọn trong danh sách hoặc gõ tên đơn vị để tìm (gõ không dấu cũng được, ví dụ «dong khoi»).
start-invite-invalid = Đường dẫn mời này không hợp lệ hoặc đã được thay mới. Đồng chí hãy chọn đơn vị trong danh sách.
unit-picker-title = Chọn đơn vị{ $parent ->
    [none] :
   *[other] {" "}trong «{ $parent }»:
}
unit-picker-empty = Chưa có đơn vị nào. Đồng chí vui lòng liên hệ quản trị viên để được thêm đơn vị.
unit-choose-this = ✔ Chọn «{ $unit }»
unit-more = Trang sau ›
unit-prev = ‹ Trang trước
unit-search-results = Kết quả tìm «{ $query }»:
unit-search-none = Không tìm thấy đơn vị nào có tên giống «{ $query }». Đồng chí thử gõ từ khác hoặc chọn trong danh sách.
unit-joined = Đã ghi nhận đơn vị: <b>{ $unit }</b>.
unit-switch-ask = Đồng chí đang thuộc «{ $current }». Chuyển sang «{ $unit }»?
unit-switch-yes = Chuyển sang «{ $unit }»
unit-switch-no = Giữ đơn vị hiện tại
unit-kept = Đã giữ nguyên đơn vị «{ $unit }».
name-ask = Xin đồng chí cho biết họ và tên đầy đủ (như trong hồ sơ đơn vị), ví dụ: Nguyễn Thị Minh Khai.
name-use-telegram = Dùng tên «{ $name }»
name-invalid-empty = Họ và tên không được để trống. Đồng chí vui lòng gõ lại.
name-invalid-too-long = Họ và tên dài quá { $max } ký tự. Đồng chí vui lòng gõ lại ngắn hơn.
name-invalid-control = Họ và tên có ký tự không hợp lệ. Đồng chí vui lòng gõ lại bằng chữ thường.
name-invalid-no-letters = Họ và tên phải có chữ cái (không chỉ biểu tượng hoặc chữ số). Đồng chí vui lòng gõ lại.
name-need-text = Đồng chí vui lòng gõ họ và tên bằng chữ.
onboarding-done =
    Cảm ơn đồng chí <b>{ $name }</b>, đơn vị <b>{ $unit }</b>.
    Đồng chí đã sẵn sàng tham gia các phong trào thi đua. Chọn việc cần làm trong menu bên dưới.

## Hồ sơ
profile-show =
    <b>Hồ sơ của đồng chí</b>
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
language-set = Đã chuyển sang Tiếng Việt.

## Trợ giúp
help-member =
    <b>Các lệnh của thành viên</b>
    /campaigns — các phong trào thi đua của đơn vị
    /register — đăng ký thi đua
    /report — báo cáo tiến độ
    /my — tình hình của tôi
    /profile — hồ sơ: họ tên, đơn vị, ngôn ngữ
    /language — đổi ngôn ngữ
    /cancel — hủy thao tác đang làm
    /help — trợ giúp
help-officer =
    <b>Lệnh của cán bộ phụ trách thi đua</b>
    /invite [mã đơn vị] — đường dẫn mời vào đơn vị (trong phạm vi đơn vị mình)
    /units — cây đơn vị
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
cmd-invite = Đường dẫn mời vào đơn vị
cmd-units = Cây đơn vị
cmd-addunit = Thêm đơn vị
cmd-addgroup = Thêm khối/cụm thi đua
cmd-importunits = Nhập danh sách đơn vị
cmd-grant = Cấp quyền cán bộ
cmd-revoke = Thu hồi quyền cán bộ
cmd-audit = Nhật ký

## Phân quyền
forbidden = Đồng chí không có quyền dùng lệnh này. Yêu cầu đã được ghi vào nhật ký.
forbidden-scope = Đơn vị «{ $unit }» nằm ngoài phạm vi phụ trách của đồng chí.
officer-needs-unit = Đồng chí cần thuộc một đơn vị trước khi dùng lệnh này (/profile).

## Quản trị đơn vị
units-tree-title = <b>Cây đơn vị</b> ({ $count } đơn vị)
units-tree-more = … và { $count } đơn vị khác.
units-groups-title = <b>Khối/cụm thi đua</b>
units-none = Chưa có đơn vị nào. Dùng /addunit hoặc /importunits để thêm.
group-kind-BLOCK = Khối
group-kind-CLUSTER = Cụm
addunit-usage = Cách dùng: /addunit MÃ | Tên đơn vị | MÃ_CẤP_TRÊN (không bắt buộc) | MÃ_KHỐI (không bắt buộc)
addunit-done = Đã thêm đơn vị <b>{ $name }</b> (mã { $code }).
addunit-code_invalid = Mã đơn vị chỉ gồm chữ không dấu, chữ số, dấu gạch (tối đa 40 ký tự).
addunit-code_taken = Mã «{ $code }» đã được dùng cho đơn vị khác.
addunit-parent_unknown = Không có đơn vị cấp trên mang mã «{ $code }».
addunit-group_unknown = Không có khối/cụm mang mã «{ $code }». Thêm bằng /addgroup trước.
addunit-name_missing = Thiếu tên đơn vị.
addgroup-usage = Cách dùng: /addgroup MÃ | Tên khối/cụm | BLOCK hoặc CLUSTER
addgroup-done = Đã thêm { $kind } thi đua <b>{ $name }</b> (mã { $code }).
invite-link =
    Đường dẫn mời vào <b>{ $unit }</b>:
    { $link }
    Người nhận chỉ cần bấm vào là tham gia đơn vị.
invite-unknown-unit = Không có đơn vị mang mã «{ $code }».
import-ask = Đồng chí gửi tệp danh sách đơn vị (CSV hoặc YAML, tối đa 1 MB) dưới dạng tệp đính kèm. Cột CSV: code,name,parent,group.
import-not-file = Đồng chí vui lòng gửi tệp CSV hoặc YAML (dạng tệp đính kèm), hoặc /cancel để hủy.
import-too-large = Tệp quá lớn ({ $size }). Giới hạn là { $max }.
import-bad-type = Tệp «{ $name }» không phải CSV hoặc YAML.
import-errors = Tệp có { $count } lỗi, chưa nhập đơn vị nào:
import-error-line = Dòng { $line }: { $problem }
import-errors-more = … và { $count } lỗi khác.
import-done = Đã nhập xong: { $created } đơn vị mới, { $updated } đơn vị cập nhật, { $groups } khối/cụm mới.
import-download-failed = Không tải được tệp từ Telegram. Đồng chí vui lòng gửi lại.
units-error-file_empty = tệp không có đơn vị nào
units-error-file_syntax = lỗi cú pháp ({ $message })
units-error-file_header = thiếu dòng tiêu đề, cần: { $expected }
units-error-code_invalid = mã «{ $value }» không hợp lệ (chỉ chữ không dấu, chữ số, _ . -)
units-error-name_missing = đơn vị «{ $code }» thiếu tên
units-error-name_too_long = tên dài quá { $max } ký tự
units-error-code_duplicate = mã «{ $value }» bị trùng (đã có ở dòng { $first })
units-error-parent_self = đơn vị «{ $value }» không thể là cấp trên của chính nó
units-error-parent_cycle = đơn vị «{ $value }» tạo thành vòng lặp cấp trên
units-error-parent_unknown = không có đơn vị cấp trên mang mã «{ $value }»
units-error-too_many_rows = quá nhiều dòng (tối đa { $max })
units-error-group_invalid = mã khối/cụm «{ $value }» không hợp lệ

## Cấp / thu hồi quyền cán bộ
grant-ask = Gõ họ tên (hoặc một phần họ tên) của thành viên cần cấp quyền cán bộ phụ trách thi đua.
revoke-ask = Gõ họ tên (hoặc một phần họ tên) của cán bộ cần thu hồi quyền.
grant-results = Chọn người cần { $grant ->
    [yes] cấp quyền
   *[no] thu hồi quyền
}:
grant-none = Không tìm thấy ai có tên giống «{ $query }». Đồng chí gõ lại hoặc /cancel.
grant-confirm = { $grant ->
    [yes] Cấp quyền cán bộ phụ trách thi đua cho <b>{ $name }</b> ({ $unit })?
   *[no] Thu hồi quyền cán bộ của <b>{ $name }</b> ({ $unit })?
}
grant-yes = ✔ Xác nhận
grant-done = Đã cấp quyền cán bộ phụ trách thi đua cho <b>{ $name }</b>. Người này chỉ thao tác trong phạm vi đơn vị «{ $unit }».
revoke-done = Đã thu hồi quyền cán bộ của <b>{ $name }</b>.
grant-already = { $name } đã là { $role }.
grant-admin-untouchable = Không thể thay đổi quyền của quản trị viên trong chat; hãy sửa ADMIN_IDS.
grant-no-unit = { $name } chưa thuộc đơn vị nào nên chưa thể làm cán bộ.

## Nhật ký
audit-title = <b>Nhật ký gần đây</b>
audit-line = { $at } · { $action } · { $outcome } · { $actor }{ $target }
audit-empty = Nhật ký trống.

## Nhóm
group-only-private = Đồng chí vui lòng nhắn riêng cho bot để dùng chức năng này: { $link }
