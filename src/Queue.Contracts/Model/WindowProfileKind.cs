namespace Queue.Contracts.Model;

/// <summary>综合窗口 serves every theme of the hall; 专窗 one; an ordered list serves several with a preference.</summary>
[GenerateSerializer]
public enum WindowProfileKind
{
    Comprehensive = 0,
    Dedicated = 1,
    Ordered = 2,
}
