/// SKMReports module.
public enum SKMReportsModule {}
