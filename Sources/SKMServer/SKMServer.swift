/// SKMServer module.
public enum SKMServerModule {}
