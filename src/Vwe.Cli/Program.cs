using Vwe.Cli;

return VweCommand.Run(args, Console.Out, Console.Error);
