/// SKMStorage module.
public enum SKMStorageModule {}
