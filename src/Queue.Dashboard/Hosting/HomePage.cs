namespace Queue.Dashboard.Hosting;

/// <summary>The landing page of a running node: where things are.</summary>
internal static class HomePage
{
    public const string Html = """
        <!doctype html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Queue 排队叫号</title><link rel="icon" href="/favicon.svg" type="image/svg+xml">
        <style>body{font-family:"Noto Sans CJK SC","PingFang SC",sans-serif;max-width:48rem;margin:3rem auto;padding:0 1rem;line-height:1.6}code{background:#f3f3f3;padding:0 .3em}</style></head>
        <body>
        <h1>Queue 排队叫号与大厅分析</h1>
        <p>“最多跑一次”：排队不超过30分钟。This node runs the queue engine and its HTTP API.</p>
        <ul>
          <li><a href="/api/halls">大厅列表 / Halls</a></li>
          <li><a href="/api/halls/binjiang/snapshot">演示大厅实时状态 / Demo hall snapshot</a>（需登录 / sign-in）</li>
          <li><a href="/api/halls/binjiang">演示大厅配置 / Demo hall configuration</a></li>
          <li><a href="/openapi/v1.json">OpenAPI 文档 / OpenAPI document</a></li>
        </ul>
        <h2>登录与授权 / Signing in</h2>
        <ul>
          <li><a href="/login">登录 / Sign in</a>：窗口工作人员、大厅管理员和系统管理员。Staff, hall managers and administrators.</li>
          <li><a href="/admin">账号与设备 / Accounts and devices</a>：新建账号、重置密码，登记或吊销取号机与叫号屏。Create accounts, reset passwords, register and revoke kiosks and boards.</li>
          <li>首次启动时，控制台会打印一次系统管理员 <code>admin</code> 的初始密码（或使用配置 <code>Queue:Security:AdministratorPassword</code>），以及演示大厅的取号机和叫号屏链接。
              The first start prints the administrator's password once on the console (unless <code>Queue:Security:AdministratorPassword</code> sets it), with links for a demo kiosk and board.</li>
          <li>取号机、叫号屏、窗口屏和大屏需要设备令牌：用登记设备时给出的链接（<code>…?device=qd1.…</code>）打开一次即可；否则页面显示“本设备未授权”。
              Kiosks, boards, window LEDs and the big screen need a device token: open them once with the link given when the device was registered (<code>…?device=qd1.…</code>); without it they show “not authorized”.</li>
          <li>市民的号票页链接带有密钥 <code>/t/{号票}?k=…</code>（取号时的二维码）。The citizen's ticket link carries its key (the QR code given with the ticket).</li>
        </ul>
        <h2>演示大厅页面 / Demo hall pages</h2>
        <ul>
          <li><a href="/kiosk/binjiang">取号机 / Kiosk</a>（需设备令牌 / device token） · <a href="/kiosk/binjiang?staff=1">导办取号（绿色通道，需工作人员登录）/ Guide's kiosk (staff sign-in)</a></li>
          <li><a href="/board/binjiang">大厅叫号屏 / Hall board</a> · <a href="/board/binjiang/bdc">不动产登记区叫号屏 / Zone board</a>（需设备令牌 / device token）</li>
          <li><a href="/window/binjiang/1">1号窗口终端 / Window 1 terminal</a>（需登录 / sign-in） · <a href="/led/binjiang/1">1号窗口屏 / Window 1 LED</a></li>
          <li><a href="/screen/binjiang">智慧大厅大屏 / Hall big screen</a> · <a href="/manager/binjiang">大厅运行分析 / Manager analytics</a>（需管理员登录 / manager sign-in）</li>
        </ul>
        </body></html>
        """;
}
