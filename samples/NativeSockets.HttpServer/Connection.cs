using System;
using NativeSockets.Selectors;

namespace NativeSockets.HttpServer;

/// <summary>
/// One client: what it has sent that is not answered yet, and what the server has answered that the
/// socket did not take yet. The selector holds it as the registration's data.
/// </summary>
public sealed class Connection(SocketHandle socket)
{
    private const int BufferSize = 16384;

    private readonly byte[] _input = new byte[BufferSize];
    private readonly byte[] _output = new byte[BufferSize];
    private int _inputLength;
    private int _outputStart;
    private int _outputLength;
    private bool _closing;
    private bool _watchingWrite;

    /// <summary>The client's socket.</summary>
    public SocketHandle Socket { get; } = socket;

    /// <summary>
    /// Reads what has arrived, answers every complete request (pipelined ones included) and writes what
    /// the socket takes. Returns false when the connection is over: the client closed it or failed, or it
    /// asked to close and has had its answer. The caller then unregisters and closes the socket.
    /// </summary>
    public bool OnReady(Selector<Connection?> selector, Event events, ref long answered)
    {
        if ((events & (Event.Read | Event.Error)) != 0 && !ReadAvailable())
        {
            return false;
        }

        while (true)
        {
            answered += Answer();
            var flushed = Flush();
            if (flushed < 0)
            {
                return false;
            }

            if (flushed == 0)
            {
                // The socket is full: wait for room, and read nothing more until it is written.
                Watch(selector, write: true);
                return true;
            }

            if (_closing)
            {
                NativeSocket.Shutdown(Socket, ShutdownHow.Write);
                return false;
            }

            // All written: answer what a full output buffer held back, if anything.
            if (HttpRequests.NextRequest(_input.AsSpan(0, _inputLength), out _) == 0)
            {
                break;
            }
        }

        if (_inputLength == BufferSize)
        {
            return false; // a request larger than the buffer
        }

        Watch(selector, write: false);
        return true;
    }

    /// <summary>Reads until the socket would block; false at the end of the stream or on an error.</summary>
    private bool ReadAvailable()
    {
        while (_inputLength < BufferSize)
        {
            var received = NativeSocket.Recv(Socket, _input.AsSpan(_inputLength));
            if (received > 0)
            {
                _inputLength += (int)received;
                continue;
            }

            return received < 0 && NativeSocket.LastError == NativeSocket.EAGAIN;
        }

        return true;
    }

    /// <summary>Answers the complete requests in the input, as many as the output buffer holds; returns how many.</summary>
    private int Answer()
    {
        var used = 0;
        var count = 0;
        while (!_closing)
        {
            var length = HttpRequests.NextRequest(_input.AsSpan(used, _inputLength - used), out var close);
            if (length == 0)
            {
                break;
            }

            var response = close ? HttpRequests.ClosingResponse : HttpRequests.Response;
            if (_outputStart + _outputLength + response.Length > BufferSize)
            {
                _output.AsSpan(_outputStart, _outputLength).CopyTo(_output);
                _outputStart = 0;
                if (_outputLength + response.Length > BufferSize)
                {
                    break;
                }
            }

            response.CopyTo(_output.AsSpan(_outputStart + _outputLength));
            _outputLength += response.Length;
            used += length;
            count++;
            _closing = close;
        }

        _input.AsSpan(used, _inputLength - used).CopyTo(_input);
        _inputLength -= used;
        return count;
    }

    /// <summary>Writes what is pending: 1 when all is written, 0 when the socket is full, -1 when the client is gone.</summary>
    private int Flush()
    {
        while (_outputLength > 0)
        {
            var sent = NativeSocket.Send(Socket, _output.AsSpan(_outputStart, _outputLength), NativeSocket.MSG_NOSIGNAL);
            if (sent < 0)
            {
                return NativeSocket.LastError == NativeSocket.EAGAIN ? 0 : -1;
            }

            _outputStart += (int)sent;
            _outputLength -= (int)sent;
        }

        _outputStart = 0;
        return 1;
    }

    /// <summary>
    /// Watches for room to write only while output waits: readiness is level-triggered, so a writable
    /// socket watched for writing would be reported on every wait.
    /// </summary>
    private void Watch(Selector<Connection?> selector, bool write)
    {
        if (_watchingWrite != write)
        {
            selector.UpdateHandle(Socket, write ? Event.Write : Event.Read);
            _watchingWrite = write;
        }
    }
}
