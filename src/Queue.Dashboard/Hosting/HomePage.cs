namespace Queue.Dashboard.Hosting;

/// <summary>The landing page of a running node: where things are.</summary>
internal static class HomePage
{
    public const string Html = """
        <!doctype html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Queue 排队叫号</title>
        <style>body{font-family:"Noto Sans CJK SC","PingFang SC",sans-serif;max-width:48rem;margin:3rem auto;padding:0 1rem;line-height:1.6}code{background:#f3f3f3;padding:0 .3em}</style></head>
        <body>
        <h1>Queue 排队叫号与大厅分析</h1>
        <p>“最多跑一次”：排队不超过30分钟。This node runs the queue engine and its HTTP API.</p>
        <ul>
          <li><a href="/api/halls">大厅列表 / Halls</a></li>
          <li><a href="/api/halls/binjiang/snapshot">演示大厅实时状态 / Demo hall snapshot</a></li>
          <li><a href="/api/halls/binjiang">演示大厅配置 / Demo hall configuration</a></li>
          <li><a href="/openapi/v1.json">OpenAPI 文档 / OpenAPI document</a></li>
        </ul>
        <h2>演示大厅页面 / Demo hall pages</h2>
        <ul>
          <li><a href="/kiosk/binjiang">取号机 / Kiosk</a> · <a href="/kiosk/binjiang?staff=1">导办取号（绿色通道）/ Guide's kiosk</a></li>
          <li><a href="/board/binjiang">大厅叫号屏 / Hall board</a> · <a href="/board/binjiang/bdc">不动产登记区叫号屏 / Zone board</a></li>
          <li><a href="/window/binjiang/1">1号窗口终端 / Window 1 terminal</a> · <a href="/led/binjiang/1">1号窗口屏 / Window 1 LED</a></li>
          <li><a href="/screen/binjiang">智慧大厅大屏 / Hall big screen</a> · <a href="/manager/binjiang">大厅运行分析 / Manager analytics</a></li>
        </ul>
        </body></html>
        """;
}
