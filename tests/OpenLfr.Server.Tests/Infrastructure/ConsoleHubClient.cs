using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenLfr.Server.OperatorConsole.Alerts;

namespace OpenLfr.Server.Tests.Infrastructure;

/// <summary>
/// A console connected to the server's SignalR hub as the browser's signalR client is: a signed-in user's cookie, a
/// WebSocket, the JSON hub protocol (records ending in 0x1E: handshake, then invocations). The package mirror lacks
/// Microsoft.AspNetCore.SignalR.Client's dependencies, so this speaks the protocol itself; it only listens, as the
/// console does. Records every message it receives.
/// </summary>
public sealed class ConsoleHubClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly WebSocket _socket;
    private readonly List<(string Target, JsonElement Argument)> _received = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;

    private ConsoleHubClient(WebSocket socket)
    {
        _socket = socket;
        _reader = Task.Run(ReadAsync);
    }

    public static async Task<ConsoleHubClient> ConnectAsync(LfrFactory factory, string userName, string password)
    {
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName, password });
        await ApiClient.Expect(login, HttpStatusCode.OK);
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var ws = factory.Server.CreateWebSocketClient();
        ws.ConfigureRequest = r => r.Headers.Cookie = cookie;
        // WebSockets need no negotiate round trip (the browser client's skipNegotiation).
        var socket = await ws.ConnectAsync(new Uri("ws://localhost" + ConsoleHub.Path), CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);
        var client = new ConsoleHubClient(socket);
        await client.WaitAsync(() => client.HandshakeDone, TimeSpan.FromSeconds(10), "the hub's handshake response");
        if (client.HandshakeError is { } error) throw new InvalidOperationException("hub handshake refused: " + error);
        return client;
    }

    public bool HandshakeDone { get; private set; }
    public string? HandshakeError { get; private set; }

    /// <summary>Messages received so far with this target (e.g. <see cref="ConsoleHub.AlertRaised"/>).</summary>
    public IReadOnlyList<JsonElement> Received(string target)
    {
        lock (_received) return _received.Where(m => m.Target == target).Select(m => m.Argument).ToList();
    }

    /// <summary>Forgets the messages received so far with this target, so a wait sees only later ones.</summary>
    public void Forget(string target)
    {
        lock (_received) _received.RemoveAll(m => m.Target == target);
    }

    /// <summary>Waits for a message with this target matching <paramref name="match"/>; fails the test naming what arrived.</summary>
    public async Task<JsonElement> WaitForAsync(string target, Func<JsonElement, bool> match, TimeSpan timeout)
    {
        JsonElement found = default;
        await WaitAsync(() =>
        {
            var hit = Received(target).Where(match).Take(1).ToList();
            if (hit.Count == 1) found = hit[0];
            return hit.Count == 1;
        }, timeout, $"a '{target}' message; received: {string.Join(" | ", Received(target).Select(m => m.GetRawText()))}");
        return found;
    }

    private async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > until) Assert.Fail($"Timed out after {timeout} waiting for {what}");
            await Task.Delay(50);
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) return;
                text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                int end;
                while ((end = text.ToString().IndexOf(RecordSeparator, StringComparison.Ordinal)) >= 0)
                {
                    var record = text.ToString(0, end);
                    text.Remove(0, end + 1);
                    Handle(record);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }

    private void Handle(string record)
    {
        using var doc = JsonDocument.Parse(record);
        var root = doc.RootElement;
        if (!HandshakeDone)
        {
            HandshakeError = root.TryGetProperty("error", out var e) ? e.GetString() : null;
            HandshakeDone = true;
            return;
        }
        // Type 1 is an invocation (the server calling the console); pings (6) and others carry nothing for the test.
        if (root.GetProperty("type").GetInt32() != 1) return;
        var argument = root.GetProperty("arguments")[0].Clone();
        lock (_received) _received.Add((root.GetProperty("target").GetString()!, argument));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None); } catch (Exception) { /* already closed */ }
        await _reader;
        _socket.Dispose();
        _stop.Dispose();
    }
}
