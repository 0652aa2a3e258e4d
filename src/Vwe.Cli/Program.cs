using System.Text;
using Vwe.Cli;

// Buffered: `vwe point --in` can write millions of lines, and Console.Out flushes every one. RunAsync flushes it;
// it is not disposed, since a second flush into a closed pipe would only throw again on the way out.
var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
return await VweCommand.RunAsync(args, output, Console.Error).ConfigureAwait(false);
