Console.WriteLine("building");
return 0;
