/// SKMDemo module.
public enum SKMDemoModule {}
